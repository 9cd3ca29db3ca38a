using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Tests.Features.Indices.Recount;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Aggregation;

/// <summary>
/// The aggregator (fed after each commit, rebuilt at start) always equals a plain recomputation from the export: months
/// of history with re-joins, blacklists, duplicates, late and out-of-order events and facts on either side of the team's
/// midnight, every index under every filter, in two time zones, before and after a restart.
/// </summary>
[Collection(TimeZoneCollection.Name)]
public sealed class IndexExactnessTests
{
    [Fact]
    public Task Indices_EqualTheRecount_InShanghai_FedAndRebuilt() => EqualTheRecountAsync(IndexSite.Shanghai);

    [Fact]
    public Task Indices_EqualTheRecount_InKolkata_FedAndRebuilt() => EqualTheRecountAsync(IndexSite.Kolkata);

    private static async Task EqualTheRecountAsync(string zone)
    {
        var path = IndexSite.NewDatabasePath();
        try
        {
            List<ExportLine> export;
            IndexHistory history;
            string reader;
            using (var site = new IndexSite(path, zone))
            {
                await site.InitializeAsync();
                history = new IndexHistory(site);
                await history.MakeAsync();
                await site.CaughtUpAsync();
                reader = (await site.CreateKeyAsync("indices-reader", Roles.Viewer)).Secret;
                var client = site.Client(reader);
                // All time: a day either side of the history (a test running over midnight still exports all it made).
                export = await client.ExportAsync(history.FirstDay.AddDays(-1), history.Today.AddDays(1));
                var recount = new IndexRecount(export, await IndexWorld.LoadAsync(site.Services), site.Zone);
                AssertTheHistoryHoldsItsEdgeCases(export, recount, history);
                await AssertEqualAsync(client, recount, history);
            }

            // A second app over the same file rebuilds the indices from the tables at start: the same numbers.
            using var restarted = new IndexSite(path, zone, apiKeys: false);
            await restarted.CaughtUpAsync();
            // Every fact of the stream read once, and a linked scan once more as its member's activity.
            var linked = export.Count(l => l.Type == "scan" && l.MemberId is not null && l.Outcome != "bot");
            Assert.Equal(export.Count + linked, restarted.Services.GetRequiredService<IndexAggregator>().LastRebuild.Facts);
            var again = restarted.Client(reader);
            Assert.Equal(export, await again.ExportAsync(history.FirstDay.AddDays(-1), history.Today.AddDays(1)));
            await AssertEqualAsync(again, new IndexRecount(export, await IndexWorld.LoadAsync(restarted.Services), restarted.Zone), history);
        }
        finally
        {
            // The team's zone is process-wide (PortalTime); put the default back for whatever runs next.
            PortalTime.Configure(new ConfigurationBuilder().Build());
            IndexSite.DeleteDatabase(path);
        }
    }

    private static async Task AssertEqualAsync(HttpClient client, IndexRecount recount, IndexHistory history)
    {
        var comparison = new IndexComparison(client, recount);
        foreach (var (from, to) in new[] { (history.FirstDay, history.Today), (history.Today.AddDays(-60), history.Today.AddDays(-20)) })
        {
            foreach (var filter in history.Filters(from, to))
            {
                await comparison.CompareAsync(filter);
            }
        }
        foreach (var series in history.SeriesIds)
        {
            await comparison.CompareRetentionAsync(series);
        }
        Assert.True(comparison.Differences.Count == 0, $"{comparison.Differences.Count} figures differ from the recount:\n{comparison.Report()}");
    }

    /// <summary>The comparison means something only if the export holds what the history meant to make.</summary>
    private static void AssertTheHistoryHoldsItsEdgeCases(List<ExportLine> export, IndexRecount recount, IndexHistory history)
    {
        Assert.Equal(13, export.Count(l => l.Type == "memberCreated"));
        Assert.Contains(export, l => l.Type == "scan" && l.Outcome == "bot");
        Assert.Contains(export, l => l.Type == "scan" && l.MemberId is not null && l.ChannelId is not null);
        Assert.Contains(export, l => l.Type == "scan" && l.GroupId is null && l.Outcome != "bot");
        Assert.Equal([history.Members[5].Id, history.Members[7].Id], recount.Blacklisted.Order());
        Assert.Contains(export, l => l.Type == "blacklistLifted" && l.MemberId == history.Members[6].Id);
        Assert.Equal(3, export.Count(l => l.Type == "checkedIn"));
        // Re-joins: a member joined one group twice.
        Assert.Contains(export.Where(l => l.Type == "joined").GroupBy(l => (l.MemberId, l.GroupId)), g => g.Count() > 1);
        // Either side of midnight: one second apart, a day apart.
        var (before, after) = (Instant(export, history.Local(40, 23, 59, 59), history.Members[0].Id), Instant(export, history.Local(39, 0, 0, 0), history.Members[1].Id));
        Assert.Equal(TimeSpan.FromSeconds(1), after - before);
        Assert.Equal(recount.DayOf(before).AddDays(1), recount.DayOf(after));
        Assert.Equal(history.Today.AddDays(-40), recount.DayOf(before));
    }

    private static DateTime Instant(List<ExportLine> export, string at, int member) =>
        Assert.Single(export, l => l.MemberId == member && l.At == DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal)).At;
}

/// <summary>
/// Tests that start an app in another team time zone: PortalTime is process-wide, so they run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimeZoneCollection
{
    public const string Name = "Team time zone";
}
