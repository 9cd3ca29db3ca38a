using System.Text;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Public;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.Signups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>A manager downloads an activity's sign-ups from its list page, as Excel in China will open them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignupExportBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "signup-export@example.com";
    private const string Password = "Signup-export-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Manager, "活动经理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_DownloadsTheSignupsAsCsv_WithTheQuestionsAsColumns()
    {
        var activity = await SignupSeed.ActivityAsync(server.Services, "亲子阅读 第5期");
        await SignupSeed.FormAsync(server.Services, activity.Id, "read5", f => f.Questions = [SignupSeed.Grade()]);
        using (var scope = server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SignupService>().SubmitAsync("read5", new SignupSubmission
            {
                Name = "王小明", Phone = "13812345678", Answers = new Dictionary<string, string?> { ["q1"] = "三年级" },
            });
        }

        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        await new PortalPage(page, server.BaseUrl).GotoAsync($"/activities/{activity.Id}/signups");
        await Assertions.Expect(page.GetByTestId("member-link")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-signups").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Matches($@"^signups-{activity.Id}-\d{{8}}-\d{{4}}\.csv$", download.SuggestedFilename);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal("学号,姓名,手机号,孩子年级,渠道,报名时间,到场,到场时间,完成,完成时间,会员状态", lines[0]);
        Assert.StartsWith("10001,王小明,13812345678,三年级,", Assert.Single(lines[1..]));
        await Screenshots.TakeAsync(page, "signups-list-export-zh");
        await page.Context.CloseAsync();
    }
}
