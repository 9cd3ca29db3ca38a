using CommunityPortal.Features.Indices.Aggregation;

namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// Whether a fact counts under a filter (docs/indices.md, "Filters"): series and activity through the fact's activity
/// (its group's for joins, leaves, scans and member events with a group), tier through its group, channel through the
/// scan's channel or the member's first channel. And whether a member counts at all (blacklisted members do not).
/// </summary>
public readonly struct FactFilter(IndexFilter filter, IndexState state, IndexLookups lookups)
{
    public IndexFilter Query => filter;

    public IndexState State => state;

    public IndexLookups Lookups => lookups;

    public bool HasMatrix => filter.SeriesId is not null || filter.ActivityId is not null || filter.Tier is not null;

    public int FromDay => filter.From.DayNumber;

    public int ToDay => filter.To.DayNumber;

    public bool Passes(in Fact fact)
    {
        if (!PassesChannel(fact))
        {
            return false;
        }
        if (filter.Tier is { } tier && (fact.GroupId == 0 || !lookups.Groups.TryGetValue(fact.GroupId, out var group) || group.Tier != tier))
        {
            return false;
        }
        if (filter.ActivityId is null && filter.SeriesId is null)
        {
            return true;
        }
        var activity = lookups.ActivityOf(fact);
        return (filter.ActivityId is not { } a || activity == a) && (filter.SeriesId is not { } s || (activity != 0 && lookups.SeriesOf(activity) == s));
    }

    /// <summary>
    /// The channel part alone: a scan's own channel, else the member's first channel. What a member's 学号 fact is
    /// filtered by (it is tied to no group or activity: under a matrix filter the member needs a passing member fact).
    /// </summary>
    public bool PassesChannel(in Fact fact) =>
        filter.ChannelId is not { } channel
        || (fact.Type == IndexEventType.Scan ? fact.ChannelId : state.Member(fact.MemberId)?.ChannelId ?? 0) == channel;

    /// <summary>A member fact of a member the indices count (known, not blacklisted).</summary>
    public bool Counts(int memberId) => memberId != 0 && !state.IsBlacklisted(memberId);

    /// <summary>Every fact of the days [from, to], in day order, read in place.</summary>
    public FactRange Facts(int from, int to) => new(state, from, to);

    /// <summary>Members with at least one member fact in the range that passes the filter (for "new" under a matrix filter).</summary>
    public HashSet<int> MembersMatching(int from, int to)
    {
        var members = new HashSet<int>();
        foreach (ref readonly var fact in Facts(from, to))
        {
            if (fact.MemberId != 0 && fact.Type is not (IndexEventType.Scan or IndexEventType.MemberCreated) && Passes(fact))
            {
                members.Add(fact.MemberId);
            }
        }
        return members;
    }
}

/// <summary>The facts of a range of days as spans over the days' lists: a foreach with no allocation and no copy.</summary>
public readonly ref struct FactRange(IndexState state, int from, int to)
{
    public Enumerator GetEnumerator() => new(state, from, to);

    public ref struct Enumerator(IndexState state, int from, int to)
    {
        private int _day = from - 1;
        private ReadOnlySpan<Fact> _facts;
        private int _index = -1;

        public readonly ref readonly Fact Current => ref _facts[_index];

        public bool MoveNext()
        {
            while (++_index >= _facts.Length)
            {
                if (++_day > to)
                {
                    return false;
                }
                _facts = state.DaySpan(_day);
                _index = -1;
            }
            return true;
        }
    }
}
