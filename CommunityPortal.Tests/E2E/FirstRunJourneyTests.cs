using System.Text.RegularExpressions;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;

using MatrixPage = CommunityPortal.Tests.E2E.Pages.MatrixPage;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// Issue 2's whole journey on a brand-new portal: first-run setup → sign in → build a theme, series, activity and
/// group in the UI → see them in the matrix tree with their counts → switch to English and back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunJourneyTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task NewPortal_SetupSignInBuildMatrix_ThenEnglishAndBack()
    {
        var page = await chromium.NewPageAsync();

        // 1. First run: the portal sends the first visitor to setup.
        await page.GotoAsync(server.Url("/"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        var setup = new SetupPage(page);
        await setup.FillAsync("admin@example.com", "王管理", "Admin-pass-2026", "Admin-pass-2026");
        await setup.SubmitAsync();
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.WaitInteractiveAsync();

        // 2. Sign out and sign in again with the new account.
        await portal.SignOutAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await new LoginPage(page, server.BaseUrl).SignInAsync("admin@example.com", "Admin-pass-2026");
        await portal.WaitInteractiveAsync();
        await Assertions.Expect(portal.CurrentUser).ToContainTextAsync("王管理");

        // 3. Build the matrix in Chinese.
        var matrix = new MatrixPage(page, server.BaseUrl);
        await matrix.OpenAsync();
        await matrix.AddThemeAsync("职场成长");
        await matrix.AddSeriesAsync("职场成长", "面试训练营");
        var period = await matrix.AddActivityAsync("面试训练营", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13));
        Assert.Equal("面试训练营 第1期", period);
        await matrix.AddGroupAsync(period, "训练营1期-福利1群", capacity: 200, members: 88);

        // 4. The tree shows it, with counts at every level.
        Assert.Equal(new NodeCounts(1, 88), await matrix.CountsOf("职场成长"));
        Assert.Equal(new NodeCounts(1, 88), await matrix.CountsOf("面试训练营"));
        Assert.Equal(new NodeCounts(1, 88), await matrix.CountsOf(period));
        await Assertions.Expect(matrix.Node("group", "训练营1期-福利1群")).ToContainTextAsync("福利群");

        // 5. English, then back to Chinese: same data, other words.
        await matrix.SwitchLanguageAsync("en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("Group matrix", RegexOptions.IgnoreCase));
        await Assertions.Expect(matrix.Node("group", "训练营1期-福利1群")).ToContainTextAsync("Welfare");
        Assert.Equal(new NodeCounts(1, 88), await matrix.CountsOf("职场成长"));

        await matrix.SwitchLanguageAsync("zh-CN");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("社群矩阵");
        await Assertions.Expect(matrix.Node("group", "训练营1期-福利1群")).ToContainTextAsync("福利群");
        await page.Context.CloseAsync();
    }
}
