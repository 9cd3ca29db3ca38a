using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Public;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.Signups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>An operator with a phone at the door: reads what people answered and checks them in on the sign-ups page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignupListBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "signup-list@example.com";
    private const string Password = "Signup-list-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "活动助理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_OnAPhone_ReadsALongAnswer_AndChecksSomeoneIn()
    {
        const string wish = "西游记、三国演义、水浒传、红楼梦，还有孩子自己挑的绘本《好饿的毛毛虫》和《猜猜我有多爱你》，最好每周一本，"
            + "读完以后家长和孩子一起讲一讲故事里最喜欢的人物，再画一幅画。";
        var activity = await SignupSeed.ActivityAsync(server.Services, "亲子阅读 第6期");
        await SignupSeed.FormAsync(server.Services, activity.Id, "read6", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);
        int memberNo;
        using (var scope = server.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SignupService>().SubmitAsync("read6", new SignupSubmission
            {
                Name = "李红", Phone = "13912345678", Answers = new Dictionary<string, string?> { ["q1"] = "一年级", ["q2"] = wish },
            });
            memberNo = result.Receipt!.MemberNo;
        }

        var page = await chromium.NewPhoneAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync($"/activities/{activity.Id}/signups");
        await Assertions.Expect(page.GetByTestId("member-link")).ToHaveCountAsync(1);

        await page.GetByTestId("answers-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("answers-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.GetByTestId("answers")).ToContainTextAsync(wish);
        await page.GetByLabel($"到场：{memberNo} 李红").CheckAsync();

        await Assertions.Expect(page.GetByTestId("count-checkedin")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("checkin-by")).ToContainTextAsync("活动助理");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");
        await Screenshots.TakeAsync(page, "signups-list-phone-zh");
        await page.Context.CloseAsync();
    }
}
