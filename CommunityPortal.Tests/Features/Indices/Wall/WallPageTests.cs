using Bunit;
using CommunityPortal.Features.Indices.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Features.Indices.Wall;

public sealed class WallPageTests : WallTest
{
    private IRenderedComponent<WallPage> Open(string token) => Render<WallPage>(p => p.Add(w => w.Token, token));

    private const string InvalidPage = "http://localhost/wall/invalid";

    private TimeSpan CheckEvery => TimeSpan.FromSeconds(Get<IOptions<WallOptions>>().Value.RecheckSeconds);

    private static string Text(IRenderedComponent<WallPage> wall, string testId) =>
        string.Join(" ", wall.Find($"[data-testid={testId}]").TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Wall_ShowsTodaysFiguresTickerAndChannels_InChinese_WhateverTheCircuitsCulture()
    {
        using var culture = new CultureScope("en");
        var link = await LinkAsync();

        var wall = Open(link.Token);

        wall.WaitForElement("[data-testid=wall-new-members]");
        Assert.Equal("今日新会员 7", Text(wall, "wall-new-members"));
        Assert.Equal("今日活跃 1,234", Text(wall, "wall-active-members"));
        Assert.Equal("今日报名 56", Text(wall, "wall-signups"));
        Assert.StartsWith("每分钟扫码 9", Text(wall, "wall-scans-per-minute"));
        Assert.Equal("今日扫码 3,456", Text(wall, "wall-scans-today"));
        Assert.Equal("2026年12月3日 星期四", Text(wall, "wall-date"));
        Assert.Equal("更新于 10:20:00", Text(wall, "wall-updated"));
        // Newest first, in the team's time zone; a scan by someone not yet a member shows as a visitor.
        Assert.Equal(["10:16:05 报名 张*明 第3期 早餐会", "10:15:30 扫码 访客 新品体验活码"],
            wall.FindAll("[data-testid=wall-ticker-line]").Select(l => string.Join(" ", l.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal(["公众号文章 321 45", "线下海报 120 12"],
            wall.FindAll("[data-testid=wall-channel]").Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()))));
        Assert.Single(wall.FindAll("[data-testid=wall-sparkline]"));
        Assert.Equal("true", wall.Find("[data-testid=wall]").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task Wall_FollowsTheIndices_WhenTheyChange()
    {
        var link = await LinkAsync();
        var wall = Open(link.Token);
        wall.WaitForAssertion(() => Assert.Equal("今日新会员 7", Text(wall, "wall-new-members")));

        Queries.Live = LiveSamples.Figures(newMembers: 8, signups: 57);
        Changes.Raise(LiveSamples.Today);

        wall.WaitForAssertion(() => Assert.Equal("今日新会员 8", Text(wall, "wall-new-members")));
        Assert.Equal("今日报名 57", Text(wall, "wall-signups"));
    }

    [Fact]
    public async Task Wall_ReadsOnceAtATime_HoweverManyChangesArriveMeanwhile()
    {
        var link = await LinkAsync();
        var wall = Open(link.Token);
        wall.WaitForElement("[data-testid=wall-new-members]");
        var readsAtOpen = Queries.LiveReads;
        Queries.Hold();

        Changes.Raise(LiveSamples.Today);
        await Queries.ReadStarted.WaitAsync(TimeSpan.FromSeconds(10));
        Queries.Live = LiveSamples.Figures(newMembers: 12);
        for (var i = 0; i < 5; i++)
        {
            Changes.Raise(LiveSamples.Today);
        }
        Queries.Release();

        // The read under way, then one more for everything that arrived during it.
        wall.WaitForAssertion(() => Assert.Equal("今日新会员 12", Text(wall, "wall-new-members")));
        wall.WaitForAssertion(() => Assert.Equal(readsAtOpen + 2, Queries.LiveReads));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Wall_WithAnUnknownToken_GoesToTheNotValidPage_AndReadsNothing(string token)
    {
        await LinkAsync();

        var wall = Open(token);

        wall.WaitForAssertion(() => Assert.Equal(InvalidPage, Nav.Uri));
        Assert.Empty(wall.FindAll("[data-testid=wall]"));
        Assert.Equal(0, Queries.LiveReads);
        Assert.Equal(0, Changes.Listeners);
    }

    [Fact]
    public async Task Wall_WhenItsLinkIsRevoked_GoesToTheNotValidPageAtOnce_AndStopsListening()
    {
        var link = await LinkAsync();
        var other = await LinkAsync("二楼大屏");
        var wall = Open(link.Token);
        var otherWall = Open(other.Token);
        wall.WaitForElement("[data-testid=wall-new-members]");
        otherWall.WaitForElement("[data-testid=wall-new-members]");

        await Links.RevokeAsync(link.Link.Id);

        wall.WaitForAssertion(() => Assert.Equal(InvalidPage, Nav.Uri));
        Assert.Empty(wall.FindAll("[data-testid=wall-new-members]"));
        Assert.Equal(1, Changes.Listeners);
        Assert.Single(otherWall.FindAll("[data-testid=wall-new-members]"));
    }

    [Fact]
    public async Task Wall_WhenItsLinkIsRevokedOnAnotherInstance_GoesToTheNotValidPageAtTheNextCheck()
    {
        var link = await LinkAsync();
        var wall = Open(link.Token);
        wall.WaitForElement("[data-testid=wall-new-members]");
        // Straight in the database: this instance hears nothing of it.
        await using (var db = Database.CreateDbContext())
        {
            await db.Set<WallLink>().Where(l => l.Id == link.Link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, DateTime.UtcNow));
        }
        Assert.Single(wall.FindAll("[data-testid=wall-new-members]"));

        Clock.Advance(CheckEvery);

        wall.WaitForAssertion(() => Assert.Equal(InvalidPage, Nav.Uri));
        Assert.Empty(wall.FindAll("[data-testid=wall-new-members]"));
    }

    [Fact]
    public async Task Wall_AtEveryCheck_BeatsAndReadsAgain_SoANewDayShowsWithoutEvents()
    {
        var link = await LinkAsync();
        var wall = Open(link.Token);
        wall.WaitForElement("[data-testid=wall-new-members]");
        Assert.Equal("0", wall.Find("[data-testid=wall]").GetAttribute("data-beat"));
        Assert.Equal("15", wall.Find("[data-testid=wall]").GetAttribute("data-beat-seconds"));
        Queries.Live = LiveSamples.Figures(newMembers: 0) with { Today = LiveSamples.Today.AddDays(1) };

        Clock.Advance(CheckEvery);

        wall.WaitForAssertion(() => Assert.Equal("2026年12月4日 星期五", Text(wall, "wall-date")));
        Assert.Equal("今日新会员 0", Text(wall, "wall-new-members"));
        Assert.Equal("1", wall.Find("[data-testid=wall]").GetAttribute("data-beat"));
    }

    [Fact]
    public async Task Wall_WhileTheIndicesAreRebuilt_SaysSoInsteadOfShowingZeros()
    {
        Changes.Ready = false;
        var link = await LinkAsync();

        var wall = Open(link.Token);

        wall.WaitForElement("[data-testid=wall-waiting]");
        Assert.Equal("数据准备中…", Text(wall, "wall-waiting"));
        Assert.Empty(wall.FindAll("[data-testid=wall-new-members]"));
        Assert.Equal(0, Queries.LiveReads);

        Changes.Ready = true;
        Changes.Raise(LiveSamples.Today);

        wall.WaitForAssertion(() => Assert.Equal("今日新会员 7", Text(wall, "wall-new-members")));
        Assert.Empty(wall.FindAll("[data-testid=wall-waiting]"));
    }

    [Fact]
    public async Task Wall_WithAQuietDay_SaysSoInTheTickerAndChannels()
    {
        Queries.Live = LiveSamples.Figures() with { Ticker = [], TopChannels = [] };
        var link = await LinkAsync();

        var wall = Open(link.Token);

        wall.WaitForElement("[data-testid=wall-ticker-empty]");
        Assert.Equal("今天还没有扫码或报名", Text(wall, "wall-ticker-empty"));
        Assert.Equal("今天还没有渠道数据", Text(wall, "wall-channels-empty"));
    }

    [Fact]
    public async Task Wall_LongNumbers_StepDownInSize_AndAreNeverCut()
    {
        Queries.Live = LiveSamples.Figures(newMembers: 7, activeMembers: 1234567, signups: 123456);
        var link = await LinkAsync();

        var wall = Open(link.Token);

        wall.WaitForElement("[data-testid=wall-new-members]");
        string Value(string testId) => wall.Find($"[data-testid={testId}] .wall-figure-value").TextContent;
        string Size(string testId) => wall.Find($"[data-testid={testId}] .wall-figure-value").ClassList.Single(c => c.StartsWith("is-", StringComparison.Ordinal));
        Assert.Equal(("7", "is-large"), (Value("wall-new-members"), Size("wall-new-members")));
        Assert.Equal(("123,456", "is-medium"), (Value("wall-signups"), Size("wall-signups")));
        Assert.Equal(("1,234,567", "is-small"), (Value("wall-active-members"), Size("wall-active-members")));
    }

    [Fact]
    public async Task Sparkline_DrawsTheLastHour_WithTheBusiestMinuteAtTheTop()
    {
        var link = await LinkAsync();

        var wall = Open(link.Token);

        var points = wall.WaitForElement("[data-testid=wall-sparkline] polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(60, points.Length);
        Assert.Equal("0,96", points[0]);
        Assert.Equal("600,4", points[^1]);
    }
}
