using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;

using MatrixPage = CommunityPortal.Tests.E2E.Pages.MatrixPage;

namespace CommunityPortal.Tests.E2E;

/// <summary>A manager builds a matrix in Chinese in the browser, edits a group, and opens the next period.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MatrixBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "manager@example.com";
    private const string Password = "Manager-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Manager, "李经理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_BuildsMatrix_EditsGroup_AndCopiesPreviousPeriod_WithCountsAtEveryLevel()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var matrix = new MatrixPage(page, server.BaseUrl);
        await matrix.WaitInteractiveAsync();
        await matrix.OpenAsync();

        // A new portal says what to do first.
        await Assertions.Expect(matrix.EmptyState).ToContainTextAsync("还没有任何主题");

        await matrix.AddThemeAsync("读书会");
        await matrix.AddSeriesAsync("读书会", "21天共读");
        var period1 = await matrix.AddActivityAsync("21天共读", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 7));
        Assert.Equal("21天共读 第1期", period1);
        // The dates typed are the dates saved (a date still on its way when Save was pressed once went missing).
        await Assertions.Expect(matrix.Node("activity", period1).GetByTestId("activity-dates")).ToHaveTextAsync("2026/12/1 – 2026/12/7");
        await matrix.AddGroupAsync(period1, "1期-1群", capacity: 200, members: 120);
        await matrix.AddGroupAsync(period1, "1期-2群", capacity: 150, members: 30);

        Assert.Equal(new NodeCounts(2, 150), await matrix.CountsOf(period1));
        Assert.Equal(new NodeCounts(2, 150), await matrix.CountsOf("21天共读"));
        Assert.Equal(new NodeCounts(2, 150), await matrix.CountsOf("读书会"));
        Assert.Equal(new NodeCounts(1, 120), await matrix.CountsOf("1期-1群"));
        await Assertions.Expect(matrix.Node("activity", period1)).ToContainTextAsync("第1期");

        // Edit a group's member count on its page; the tree follows.
        var group = await matrix.OpenGroupAsync("1期-1群");
        await group.SetMemberCountAsync(180);
        await group.ChooseAsync("group-tier", "核心群");
        await group.SaveAndWaitAsync();
        await matrix.OpenAsync();
        Assert.Equal(new NodeCounts(1, 180), await matrix.CountsOf("1期-1群"));
        await Assertions.Expect(matrix.Node("group", "1期-1群").GetByTestId("group-tier")).ToHaveTextAsync("核心群");
        Assert.Equal(new NodeCounts(2, 210), await matrix.CountsOf("读书会"));

        // 复制上一期: period 2 with re-numbered groups and no members yet.
        var period2 = await matrix.CopyPreviousAsync("21天共读");
        Assert.Equal("21天共读 第2期", period2);
        await Assertions.Expect(matrix.Node("group", "2期-1群")).ToBeVisibleAsync();
        await Assertions.Expect(matrix.Node("group", "2期-2群")).ToBeVisibleAsync();
        Assert.Equal(new NodeCounts(2, 0), await matrix.CountsOf(period2));
        Assert.Equal(new NodeCounts(1, 0), await matrix.CountsOf("2期-1群"));
        Assert.Equal(new NodeCounts(4, 210), await matrix.CountsOf("21天共读"));
        await page.Context.CloseAsync();
    }
}
