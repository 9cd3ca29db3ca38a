using CommunityPortal.Data;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Sop.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// Answers index questions from the aggregator's memory. One answer per (question, filter, version) is computed and
/// shared: fifty dashboards asking the same thing after an update cost one computation, and none reads the database
/// (the live figures' ticker names and SOP rate excepted, once per version).
/// </summary>
public sealed class IndexQueries(
    IndexAggregator aggregator,
    IDbContextFactory<PortalDbContext> dbFactory,
    SopStats sop,
    IStringLocalizer<ValidationText> shared,
    IStringLocalizer<IndicesText> text,
    TimeProvider clock) : IIndexQueries
{
    private const int CacheLimit = 256;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Version, Task<object> Answer)> _cache = new(StringComparer.Ordinal);

    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<IndicesText>(shared, text);

    public Task<IReadOnlyList<DailyIndexRow>> DailyAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "daily", f => DailyCalculator.Compute(f));

    public Task<IReadOnlyList<SignupIndexRow>> SignupsAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "signups", f => ActivityCalculators.Signups(f));

    public Task<RetentionIndex> RetentionAsync(int seriesId, CancellationToken ct = default)
    {
        var today = DateOnly.FromDayNumber(IndexState.DayOf(clock.GetUtcNow().UtcDateTime));
        return AskAsync(new IndexFilter(today, today, SeriesId: seriesId), "retention", f => ActivityCalculators.Retention(f, seriesId));
    }

    public Task<IReadOnlyList<ChannelIndexRow>> ChannelsAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "channels", f => ChannelCalculator.Compute(f));

    public Task<HoursIndex> HoursAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "hours", f => MemberCalculators.Hours(f));

    public Task<CycleIndex> CycleAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "cycle", f => MemberCalculators.Cycle(f));

    public Task<IReadOnlyList<GroupIndexRow>> GroupsAsync(IndexFilter filter, CancellationToken ct = default) =>
        AskAsync(filter, "groups", f => GroupCalculator.Compute(f));

    public async Task<LiveFigures> LiveAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The per-minute figures move with the clock as well as with the facts.
        var key = $"live|{now.Ticks / TimeSpan.TicksPerMinute}";
        return (LiveFigures)await Cached(key, () => LiveNowAsync(now));
    }

    /// <summary>Checks a filter against the matrix and the channels: 400s name the field.</summary>
    public void Validate(IndexFilter filter) => aggregator.Read((_, lookups) =>
    {
        var errors = new ValidationErrors(Messages);
        filter.CheckRange(errors);
        if (filter.SeriesId is { } series && !lookups.Series.ContainsKey(series))
        {
            errors.Add(nameof(filter.SeriesId), "NotFound");
        }
        if (filter.ActivityId is { } activity && !lookups.Activities.ContainsKey(activity))
        {
            errors.Add(nameof(filter.ActivityId), "NotFound");
        }
        if (filter.ChannelId is { } channel && !lookups.Channels.ContainsKey(channel))
        {
            errors.Add(nameof(filter.ChannelId), "NotFound");
        }
        if (filter.Tier is { } tier && !Enum.IsDefined(tier))
        {
            errors.Add(nameof(filter.Tier), "Invalid");
        }
        errors.ThrowIfAny();
        return true;
    });

    private async Task<T> AskAsync<T>(IndexFilter filter, string question, Func<FactFilter, T> compute) where T : class
    {
        // A bad range is refused even while the indices are rebuilt; ids are checked against the matrix once they are ready.
        if (!aggregator.Ready)
        {
            Validate(filter with { SeriesId = null, ActivityId = null, ChannelId = null });
            throw new NotReadyException(text["NotReady"]);
        }
        Validate(filter);
        return (T)await Cached($"{question}|{filter}", () => Task.FromResult<object>(aggregator.Read((state, lookups) => compute(new FactFilter(filter, state, lookups)))));
    }

    private Task<object> Cached(string key, Func<Task<object>> compute)
    {
        var version = aggregator.Version;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var hit) && hit.Version == version && !hit.Answer.IsFaulted)
            {
                return hit.Answer;
            }
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }
            var answer = Task.Run(compute);
            _cache[key] = (version, answer);
            return answer;
        }
    }

    private async Task<object> LiveNowAsync(DateTime now)
    {
        if (!aggregator.Ready)
        {
            throw new NotReadyException(text["NotReady"]);
        }
        var live = aggregator.Read((state, lookups) => LiveCalculator.Compute(state, lookups, now));
        var memberIds = live.Ticker.Where(t => t.MemberId != 0).Select(t => t.MemberId).Distinct().ToList();
        Dictionary<int, string> names;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Nickname);
        }
        var lookups = aggregator.Read((_, l) => l);
        var ticker = live.Ticker.Select(t => new TickerItem(t.Type, new DateTime(t.Ticks, DateTimeKind.Utc),
            names.TryGetValue(t.MemberId, out var name) ? Mask(name) : text["Visitor"],
            t.Type == IndexEventType.SignedUp ? lookups.Activities.GetValueOrDefault(t.ActivityId)?.Name : lookups.Groups.GetValueOrDefault(t.GroupId)?.Name)).ToList();
        var completion = await sop.CompletionAsync(SopStatsBy.Plan, days: 1);
        var due = completion.Sum(c => c.Due);
        return live.Figures with { Ticker = ticker, SopOnTimeRate = due == 0 ? null : (double)completion.Sum(c => c.DoneOnTime) / due };
    }

    /// <summary>A name on a wall in a public room: its first character, the rest hidden.</summary>
    public static string Mask(string name) =>
        string.IsNullOrWhiteSpace(name) ? "*" : new System.Globalization.StringInfo(name.Trim()).LengthInTextElements <= 1
            ? name.Trim() + "*"
            : new System.Globalization.StringInfo(name.Trim()).SubstringByTextElements(0, 1) + "**";
}
