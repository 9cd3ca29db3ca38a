
namespace CommunityPortal.Features.LiveCodes.Stats;

public enum StatsGranularity
{
    Minute = 0,
    Hour = 1,
    Day = 2,
}

/// <summary>
/// What to count. Times are instants (UTC, or a kind-less portal wall-clock time); a missing end is now, a missing start
/// the granularity's default span back (Minute: 60 min, Hour: 48 h, Day: 30 days). The start is moved back to the
/// start of its bucket in portal time.
/// </summary>
public sealed record StatsQuery(StatsGranularity Granularity = StatsGranularity.Hour, DateTime? From = null, DateTime? To = null);

/// <summary>One live code's scans in [From, To): totals, a series in portal-local buckets, per group and per channel.</summary>
public sealed record LiveCodeStats(
    int LiveCodeId,
    StatsGranularity Granularity,
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    StatsTotals Totals,
    IReadOnlyList<StatsBucket> Series,
    IReadOnlyList<GroupStats> Groups,
    IReadOnlyList<ChannelStats> Channels);

/// <param name="UniquePeople">Distinct visitors among scans that were not bots.</param>
/// <param name="NewPeople">
/// New visitors given a group: first scans within 24 hours that were shown a pool group's QR (they count against
/// thresholds). Whether the person then joined the group is not known.
/// </param>
public sealed record StatsTotals(
    int Scans,
    int UniquePeople,
    int NewPeople,
    int Repeats,
    int Fallbacks,
    int Expired,
    int Paused,
    int NotStarted,
    int Bots);

/// <summary>One minute, hour or day starting at <paramref name="Start"/>, in portal time (with its UTC offset).</summary>
public sealed record StatsBucket(DateTimeOffset Start, int Scans, int NewPeople, int Repeats, int Fallbacks);

/// <param name="Threshold">From routing, while the group is in the pool; null once it left.</param>
/// <param name="Assigned">Everyone routing ever gave this group (not only in the range), while it is in the pool.</param>
/// <param name="FillPercent">Assigned / Threshold × 100, while the group is in the pool.</param>
public sealed record GroupStats(
    int GroupId,
    string GroupName,
    int NewPeople,
    int Repeats,
    bool InPool,
    int? Threshold,
    int? Assigned,
    double? FillPercent);

/// <summary>One channel code's scans, or (ChannelCodeId null) the scans that came without a channel.</summary>
/// <param name="CostPerNewPerson">The channel's cost divided by its new visitors given a group in the range; null without a cost or such visitors.</param>
public sealed record ChannelStats(
    int? ChannelCodeId,
    int? ChannelId,
    string? ChannelName,
    ChannelType? Type,
    int Scans,
    int UniquePeople,
    int NewPeople,
    int Fallbacks,
    decimal? Cost,
    decimal? CostPerNewPerson);
