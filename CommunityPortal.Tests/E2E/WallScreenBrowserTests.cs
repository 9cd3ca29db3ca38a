using CommunityPortal.Features.Indices.Wall;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.Indices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>The app on a real port with the indices faked (the test sets the figures), over a database file of the test's own.</summary>
public sealed class WallScreenServer(PortalFactoryOptions options) : PortalFactory(options)
{
    public async Task<CreatedWallLink> LinkAsync(string name)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WallLinks>().CreateAsync(name, "李经理");
    }
}

/// <summary>A wall screen left alone on a TV: the server restarts under it and it must come back by itself (ADR 040).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WallScreenRestartBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "cp-tests", $"wall-restart-{Guid.NewGuid():N}.db");
    private readonly FakeIndexQueries _queries = new();
    private readonly FakeIndexChanges _changes = new();

    private WallScreenServer Server(int? port = null) => new(new PortalFactoryOptions
    {
        Kestrel = true, DatabasePath = _database, Port = port, Services = services => services.AddIndexFakes(_queries, _changes),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task WallScreen_AfterTheServerRestarts_ComesBackByItself_ShowingWhatChangedMeanwhile()
    {
        var first = Server();
        await first.CreateUserAsync("manager@example.cn", "Manager-secret-2026", Roles.Manager);
        var link = await first.LinkAsync("会议室大屏");
        var address = first.Url("/wall/" + link.Token);
        var port = new Uri(first.BaseUrl).Port;
        var tv = new WallScreen(await chromium.NewPageAsync());
        await tv.OpenAsync(address);
        await Assertions.Expect(tv.NewMembers).ToContainTextAsync("今日新会员 7");

        // The server goes away: the screen says it is reconnecting, and keeps trying.
        await first.DisposeAsync();
        await Assertions.Expect(tv.Offline).ToHaveCountAsync(1);
        _queries.Live = LiveSamples.Figures(newMembers: 8, signups: 60);

        // A new process on the same address knows nothing of the old circuit: the screen reloads once it answers.
        await using var second = Server(port);
        Assert.Equal(first.BaseUrl, second.BaseUrl);
        await Assertions.Expect(tv.NewMembers).ToContainTextAsync("今日新会员 8", new() { Timeout = 60_000 });
        await Assertions.Expect(tv.Signups).ToContainTextAsync("今日报名 60");
        await tv.WaitLiveAsync();
        await Assertions.Expect(tv.Offline).ToHaveCountAsync(0);
        Assert.Equal(address, tv.Page.Url);

        // And it is live again: a change now reaches it without a reload.
        _queries.Live = LiveSamples.Figures(newMembers: 9);
        _changes.Raise(LiveSamples.Today);
        await Assertions.Expect(tv.NewMembers).ToContainTextAsync("今日新会员 9");
        await tv.Page.Context.CloseAsync();
    }
}

/// <summary>The app on a real port with the indices faked, for the wall-link journey.</summary>
public sealed class WallBrowserServer() : PortalFactory(new()
{
    Kestrel = true, Services = services => services.AddIndexFakes(Fakes.Queries, Fakes.Changes),
})
{
    /// <summary>One set per server (one server per test class): the options are built before the instance exists.</summary>
    private static class Fakes
    {
        public static readonly FakeIndexQueries Queries = new();
        public static readonly FakeIndexChanges Changes = new();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class WallLinkBrowserTests(ChromiumFixture chromium, WallBrowserServer server) : IClassFixture<WallBrowserServer>, IAsyncLifetime
{
    private const string Email = "wall-manager@example.cn";
    private const string Password = "Manager-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Manager, "李经理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_MakesAWallLink_TheScreenShowsTheFigures_RevokingItTakesThemOff()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var links = new WallLinkAdminPage(page, server.BaseUrl);
        await links.WaitInteractiveAsync();
        await links.OpenAsync();
        var address = await links.CreateAsync("三楼会议室");
        await Assertions.Expect(links.Dialog.GetByTestId("wall-link-once")).ToContainTextAsync("只显示这一次");
        await links.CloseCreatedAsync();
        await Assertions.Expect(links.StatusOf("三楼会议室")).ToHaveTextAsync("有效");

        // The TV: its own browser, nobody signed in.
        var tv = new WallScreen(await chromium.NewPageAsync());
        await tv.OpenAsync(address);
        await Assertions.Expect(tv.NewMembers).ToContainTextAsync("今日新会员 7");
        await Assertions.Expect(tv.Page.GetByTestId("wall-ticker-line")).ToHaveCountAsync(2);
        Assert.Equal(0, await tv.Page.Locator(".portal-layout").CountAsync());

        await links.RevokeAsync("三楼会议室");

        await Assertions.Expect(tv.NotValid).ToBeVisibleAsync();
        await Assertions.Expect(tv.Page.Locator("h1")).ToHaveTextAsync("此大屏链接无效");
        Assert.EndsWith(WallEndpoints.InvalidPath, tv.Page.Url);
        await Assertions.Expect(tv.NewMembers).ToHaveCountAsync(0);
        await Assertions.Expect(links.StatusOf("三楼会议室")).ToHaveAttributeAsync("data-status", "revoked");
        await page.Context.CloseAsync();
        await tv.Page.Context.CloseAsync();
    }
}
