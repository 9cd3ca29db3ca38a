using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// What every index is asked over: a date range in the team's time zone (both days included) and optional filters.
/// A filter keeps the events tied to the filtered thing (docs/indices.md, "Filters").
/// </summary>
public sealed record IndexFilter(DateOnly From, DateOnly To, int? SeriesId = null, int? ActivityId = null, int? ChannelId = null, GroupTier? Tier = null)
{
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The range's own rules (to not before from, at most <see cref="MaxDays"/> days), for every index and the export.</summary>
    public void CheckRange(Infrastructure.Validation.ValidationErrors errors)
    {
        if (To < From)
        {
            errors.Add(nameof(To), "ToBeforeFrom", errors.Label(nameof(From)));
        }
        else if (Days > MaxDays)
        {
            errors.Add(nameof(To), "RangeTooLong", errors.Label(nameof(From)), MaxDays);
        }
    }
}

/// <summary>One day of the daily index. Stickiness = DAU / MAU (null when MAU is 0).</summary>
public sealed record DailyIndexRow(DateOnly Date, int NewMembers, int ActiveMembers, int WeeklyActive, int MonthlyActive, double? Stickiness,
    int Signups, int Scans, int UniqueVisitors);

/// <summary>Sign-ups of one activity (one period of a series) made in the range.</summary>
public sealed record SignupIndexRow(int ActivityId, string Activity, int SeriesId, string Series, int PeriodNo, DateOnly StartDate, int Signups, int CheckedIn);

/// <summary>One period of a series and its people (members who signed up for it or joined one of its groups).</summary>
public sealed record RetentionPeriod(int ActivityId, string Name, int PeriodNo, DateOnly StartDate, int People);

/// <summary>Where period B's people came from: the latest earlier period each was in, or new (none).</summary>
public sealed record RetentionComposition(int ActivityId, int New, IReadOnlyList<RetentionSource> From);

public sealed record RetentionSource(int ActivityId, int People);

/// <summary>
/// Retention between the periods of one series. <see cref="Shares"/>[b][a] (a &lt; b) is the share of period b's people
/// who were in period a; null on and above the diagonal or when b has no people.
/// </summary>
public sealed record RetentionIndex(int SeriesId, string Series, IReadOnlyList<RetentionPeriod> Periods, IReadOnlyList<IReadOnlyList<double?>> Shares,
    IReadOnlyList<RetentionComposition> Composition);

/// <summary>
/// One channel's funnel in the range: scans (no bots) → unique visitors → visitors routed to a group → members acquired
/// (first channel) → of those, signed up → purchased. Cost is the channel's own; ROI = (revenue − cost) / cost.
/// </summary>
public sealed record ChannelIndexRow(int ChannelId, string Name, ChannelType Type, int Scans, int UniqueVisitors, int Routed, int Acquired, int SignedUp,
    int Purchasers, decimal Revenue, decimal? Cost, decimal? CostPerMember, double? Roi);

/// <summary>Activity events by weekday (Monday first) and hour (0–23) in the team's time zone.</summary>
public sealed record HoursIndex(IReadOnlyList<IReadOnlyList<int>> Counts, int Total);

/// <summary>A histogram bucket: members whose value (in days) lies in [From, To]; To null = and more.</summary>
public sealed record DayBucket(int From, int? To, int Members);

/// <summary>
/// Active cycle: days between a member's first and last activity (members active in the range).
/// Time in the system: days from the member's 学号 to the range's last day (members who existed then).
/// </summary>
public sealed record CycleIndex(IReadOnlyList<DayBucket> ActiveCycle, IReadOnlyList<DayBucket> TimeInSystem);

/// <summary>One group's health in the range. Leave rate = leaves / (members at the start + joins).</summary>
public sealed record GroupIndexRow(int GroupId, string Name, GroupTier Tier, int? ActivityId, int MembersAtStart, int MembersAtEnd, int Joins, int Leaves,
    int NetGrowth, double? LeaveRate, int ActivityEvents, double? ActivityPerMember);

/// <summary>A line of the live ticker: a scan or a sign-up, the person's name masked.</summary>
public sealed record TickerItem(IndexEventType Type, DateTime At, string? MaskedName, string? Where);

public sealed record TopChannel(int ChannelId, string Name, int ScansToday, int AcquiredToday);

/// <summary>The figures a wall screen and the overview show for today (team time zone), live.</summary>
public sealed record LiveFigures(DateOnly Today, int NewMembers, int ActiveMembers, int Signups, int Scans, IReadOnlyList<int> ScansPerMinute,
    IReadOnlyList<TickerItem> Ticker, IReadOnlyList<TopChannel> TopChannels, double? SopOnTimeRate);
