using Bunit;
using CommunityPortal.Features.Indices.Dashboards;
using CommunityPortal.Features.Signups;
using CommunityPortal.Tests.Features.Signups;
using Bunit.Rendering;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>
/// Each dashboard as the page tests drive it: its address, an answer with a figure to look for in one of its tables, the
/// same answer with that figure moved (a live change), and an answer with nothing to show.
/// </summary>
public sealed record DashboardPage(Type Page, string Path, string Table, string Figure, string MovedFigure, bool HasRange)
{
    /// <summary>Sets the answer (moved: the figure as after a change); may seed the database (retention needs a series).</summary>
    public required Func<DashboardTest, FakeIndexQueries, bool, Task> Fill { get; init; }

    public required Action<FakeIndexQueries> Empty { get; init; }

    public static readonly IReadOnlyDictionary<string, DashboardPage> All = new Dictionary<string, DashboardPage>
    {
        ["overview"] = new(typeof(IndicesOverviewPage), "indices", OverviewView.DailyTable, "1,029", "1,129", true)
        {
            Fill = (_, q, moved) => Set(() => (q.Daily, q.Live) = (IndexSamples.Daily(moved ? 100 : 0), IndexSamples.Live(IndexSamples.Today))),
            Empty = q => q.Daily = IndexSamples.QuietDaily(),
        },
        ["daily"] = new(typeof(DailyIndexPage), "indices/daily", "daily", "1,029", "1,129", true)
        {
            Fill = (_, q, moved) => Set(() => q.Daily = IndexSamples.Daily(moved ? 100 : 0)),
            Empty = q => q.Daily = IndexSamples.QuietDaily(),
        },
        ["signups"] = new(typeof(SignupsIndexPage), "indices/signups", "signups", "42", "43", true)
        {
            Fill = (_, q, moved) => Set(() => q.Signups = IndexSamples.Signups(moved ? 43 : 42)),
            Empty = q => q.Signups = [],
        },
        ["retention"] = new(typeof(RetentionIndexPage), "indices/retention", RetentionView.CompositionTable, "40", "41", false)
        {
            Fill = async (test, q, moved) =>
            {
                var activity = await SignupSeed.ActivityAsync(test.Services);
                q.Retention = IndexSamples.Retention(activity.SeriesId, moved ? 41 : 40);
            },
            Empty = q => q.Retention = new(1, "亲子阅读", [], [], []),
        },
        ["channels"] = new(typeof(ChannelsIndexPage), "indices/channels", "channels", "500", "501", true)
        {
            Fill = (_, q, moved) => Set(() => q.Channels = IndexSamples.Channels(moved ? 501 : 500)),
            Empty = q => q.Channels = [],
        },
        ["hours"] = new(typeof(HoursIndexPage), "indices/hours", HoursView.HoursTable, "17", "18", true)
        {
            Fill = (_, q, moved) => Set(() => (q.Hours, q.Cycle) = (IndexSamples.Hours(moved ? 18 : 17), IndexSamples.Cycle())),
            Empty = q => (q.Hours, q.Cycle) = (IndexSamples.NoHours, new([new(0, 6, 0)], [new(0, 29, 0)])),
        },
        ["groups"] = new(typeof(GroupsIndexPage), "indices/groups", "groups", "31", "57", true)
        {
            Fill = (_, q, moved) => Set(() => q.Groups = IndexSamples.Groups(moved ? 57 : 31)),
            Empty = q => q.Groups = [],
        },
    };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>Addresses a page must refuse, with the message naming the field: every page with a range, and the retention page's series.</summary>
    public static TheoryData<string, string, string> BadAddresses
    {
        get
        {
            var data = new TheoryData<string, string, string> { { "retention", "?series=abc", "系列的值无效。" } };
            foreach (var name in All.Where(p => p.Value.HasRange).Select(p => p.Key))
            {
                data.Add(name, "?from=2026-12-10&to=2026-12-01", "结束日期不能早于开始日期。");
                data.Add(name, "?from=2025-11-30&to=2026-12-01", "结束日期距开始日期不能超过 366 天。");
                data.Add(name, "?from=2026-13-01", "开始日期的值无效。");
            }
            return data;
        }
    }

    /// <summary>The page at its address (plus <paramref name="query"/>), as a link opens it.</summary>
    public IRenderedComponent<ContainerFragment> Open(DashboardTest test, string query = "") => test.OpenPage(Page, Path + query);

    /// <summary>The texts of the cells of one of the page's tables.</summary>
    public static IReadOnlyList<string> Cells(IRenderedComponent<ContainerFragment> cut, string table) =>
        [.. cut.FindAll($"[data-testid=table-{table}] td").Select(td => td.TextContent.Trim())];

    private static Task Set(Action set)
    {
        set();
        return Task.CompletedTask;
    }
}
