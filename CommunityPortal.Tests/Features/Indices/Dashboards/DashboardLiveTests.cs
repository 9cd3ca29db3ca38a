using Bunit;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>Dashboards follow the change signal by themselves: no refresh button, one query in flight, nothing before the indices are ready.</summary>
public sealed class DashboardLiveTests : DashboardTest
{
    [Theory]
    [MemberData(nameof(DashboardPage.Names), MemberType = typeof(DashboardPage))]
    public async Task Page_WhenTheIndicesMove_ShowsTheNewFigureWithoutAClick(string name)
    {
        using var culture = Chinese();
        var page = DashboardPage.All[name];
        await page.Fill(this, Queries, false);
        var cut = page.Open(this);
        cut.WaitForAssertion(() => Assert.Contains(page.Figure, DashboardPage.Cells(cut, page.Table)), Wait);

        await page.Fill(this, Queries, true);
        Changes.Raise();

        cut.WaitForAssertion(() => Assert.Contains(page.MovedFigure, DashboardPage.Cells(cut, page.Table)), Wait);
        Assert.DoesNotContain(page.Figure, DashboardPage.Cells(cut, page.Table));
    }

    [Fact]
    public void Overview_WhenTheIndicesMove_ShowsTodaysNewTile()
    {
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["overview"].Open(this);
        cut.WaitForAssertion(() => Assert.Equal("12", Tile(cut, "NewMembers")), Wait);

        Queries.Live = IndexSamples.Live(IndexSamples.Today, newMembers: 13);
        Changes.Raise();

        cut.WaitForAssertion(() => Assert.Equal("13", Tile(cut, "NewMembers")), Wait);
    }

    [Fact]
    public async Task Page_WhenTwentyChangesArriveAtOnce_AsksAtMostTwiceAndNeverTwoAtATime()
    {
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);
        cut.WaitForAssertion(() => Assert.Equal(1, Queries.Calls), Wait);

        // The first re-query is held in flight while the burst arrives: the rest must wait for it, and join into one more.
        Queries.Hold();
        Queries.Daily = IndexSamples.Daily(extra: 100);
        Parallel.For(0, 20, _ => Changes.Raise());
        await Queries.UntilCallsAsync(2);
        Parallel.For(0, 20, _ => Changes.Raise());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, Queries.Calls);
        Queries.Release();

        cut.WaitForAssertion(() => Assert.Contains("1,129", DashboardPage.Cells(cut, "daily")), Wait);
        // One re-query for the changes that came before the first began, one for all that came while it ran (it starts
        // after a pause as long as the held one took) …
        await Queries.UntilCallsAsync(3);
        // … and no more: the page rests between re-queries, so a fourth would have come by now.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, Queries.Calls);
        Assert.Equal(1, Queries.MostInFlight);
    }

    [Fact]
    public void Page_WhileTheIndicesAreBeingRebuilt_SaysSoAndAsksWhenTheyAreReady()
    {
        using var culture = Chinese();
        Changes.Ready = false;
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);

        Assert.Contains("正在计算…", cut.WaitForElement("[data-testid=dashboard-calculating]", Wait).TextContent);
        Assert.Equal(0, Queries.Calls);

        Changes.Ready = true;
        Changes.Raise();

        cut.WaitForAssertion(() => Assert.Contains("1,029", DashboardPage.Cells(cut, "daily")), Wait);
        Assert.Empty(cut.FindAll("[data-testid=dashboard-calculating]"));
    }

    [Fact]
    public void Page_WhenTheIndicesBecomeReadyWithoutAChange_AsksAtTheNextLook()
    {
        Changes.Ready = false;
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);
        cut.WaitForElement("[data-testid=dashboard-calculating]", Wait);

        Changes.Ready = true;
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Contains("1,029", DashboardPage.Cells(cut, "daily")), Wait);
    }

    [Fact]
    public async Task Page_StopsListeningWhenLeft()
    {
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);
        cut.WaitForAssertion(() => Assert.Equal(1, Changes.Listeners), Wait);

        await DisposeComponentsAsync();

        Assert.Equal(0, Changes.Listeners);
        var calls = Queries.Calls;
        Changes.Raise();
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(calls, Queries.Calls);
    }

    private static string Tile(IRenderedComponent<Bunit.Rendering.ContainerFragment> cut, string key) =>
        cut.Find($"[data-testid=tile-{key}] .stat-value").TextContent.Trim();
}
