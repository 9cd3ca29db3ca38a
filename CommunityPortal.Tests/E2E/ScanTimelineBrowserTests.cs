using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using CommunityPortal.Tests.Features.Signups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using MemberProfilePage = CommunityPortal.Tests.E2E.Pages.MemberProfilePage;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// A stranger's scans reach their profile: a phone scans an article's channel code, signs up for the activity on the
/// same phone, then opens the group page from the receipt; the operator sees both scans on the new member's timeline
/// and the article as their first channel.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScanTimelineBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "scan-timeline@example.com";
    private const string Password = "Scan-timeline-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "运营小林");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ScansBeforeAndAfterASignup_AreOnTheNewMembersTimeline()
    {
        var groupId = await LiveCodeSeed.OpenGroupAsync(server.Services, "读书会1群");
        var code = await LiveCodeSeed.LiveCodeAsync(server.Services, "book-club", [new PoolEntryInput(groupId, null)], c => c.Name = "读书会海报");
        string key;
        using (var scope = server.Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var article = await channels.CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article });
            key = (await channels.CreateCodeAsync(code.Id, article.Id)).Key;
        }
        var activity = await SignupSeed.ActivityAsync(server.Services, "读书会 第1期");
        await SignupSeed.FormAsync(server.Services, activity.Id, "book1", f => f.LiveCodeId = code.Id);

        // The phone scans the article's code and is shown the group; later it signs up and the receipt shows the group again.
        var phone = await chromium.NewPhoneAsync();
        await phone.GotoAsync(server.Url($"/q/book-club?c={key}"));
        await Assertions.Expect(phone.GetByText("读书会1群")).ToBeVisibleAsync();
        await phone.GotoAsync(server.Url("/s/book1"));
        await phone.GetByLabel("姓名").FillAsync("林小雨");
        await phone.GetByLabel("手机号").FillAsync("13912340000");
        await phone.GetByLabel("手机号").PressAsync("Enter");
        await Assertions.Expect(phone.Locator(".no")).ToHaveTextAsync("你的学号 10001");
        await Assertions.Expect(phone.GetByText("读书会1群")).ToBeVisibleAsync();
        await phone.Context.CloseAsync();

        int memberId;
        using (var scope = server.Services.CreateScope())
        {
            memberId = (await scope.ServiceProvider.GetRequiredService<MemberService>().GetByNumberAsync(10001)).Id;
        }
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var profile = new MemberProfilePage(page, server.BaseUrl);
        await profile.OpenAsync(memberId);
        await Assertions.Expect(page.GetByTestId("member-channel")).ToHaveTextAsync("公众号推文");
        var scans = profile.TimelineEntries.And(page.Locator("[data-kind=ScanLinked]"));
        await Assertions.Expect(scans).ToHaveCountAsync(2);
        await Assertions.Expect(scans.First).ToContainTextAsync("再次扫描活码「读书会海报」，仍是群“读书会1群”");
        await Assertions.Expect(scans.Last).ToContainTextAsync("扫描活码「读书会海报」，进入群“读书会1群”（渠道：公众号推文）");
        await Screenshots.TakeAsync(page, "member-timeline-scans-zh");
        await page.Context.CloseAsync();
    }
}
