using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>A planned member. Their stays and sign-ups are contiguous in the plan's lists, from the given index on.</summary>
internal readonly record struct BenchMember(DateTime CreatedAt, int Series, int Channel, DateTime? BlacklistedAt, GrowthLevel Level,
    int FirstStay, int Stays, int FirstSignup, int Signups)
{
    /// <summary>Nothing happens to a blacklisted member after the blacklisting.</summary>
    public DateTime Horizon(DateTime end) => BlacklistedAt ?? end;
}

/// <summary>A stay in a group; a re-join is a second stay of the same member in the same group (<see cref="RejoinOf"/>).</summary>
internal readonly record struct BenchStay(int Member, int Activity, int Group, int RejoinOf, DateTime JoinedAt, DateTime? LeftAt, MembershipSource Source);

internal readonly record struct BenchSignup(int Member, int Activity, DateTime At, DateTime? CheckedInAt, int Channel);

/// <summary>
/// The index bench's members, their group stays and sign-ups. Members are numbered in the order they arrive (more
/// every week); about 70 % came through a channel; 30 % sign up, for one to three periods of their series in a row
/// (sometimes skipping one), so later periods hold people from earlier ones; a member joins a group of each period
/// they sign up for, and most who never sign up still join one; 15 % of stays end, a fifth of those come back. The
/// blacklisted leave their groups and do nothing more.
/// </summary>
internal sealed class IndexBenchPeople(IndexBenchRandom dice, IndexBenchMatrix matrix)
{
    public const double ChannelShare = 0.7;
    private const double BlacklistShare = 0.005;
    private const double SignupShare = 0.3;
    private const double JoinWithoutSignupShare = 0.85;
    private const double LeaveShare = 0.15;
    private const double RejoinShare = 0.2;
    private const double CheckInShare = 0.6;
    private static readonly int[] PeriodsSignedUp = [50, 30, 20];
    private static readonly int[] JoinSources = [70, 20, 10];
    private static readonly MembershipSource[] Sources = [MembershipSource.Api, MembershipSource.Manual, MembershipSource.Csv];

    // Where the stays of the member being planned begin.
    private int _firstStay;

    public List<BenchMember> Members { get; } = [];
    public List<BenchStay> Stays { get; } = [];
    public List<BenchSignup> Signups { get; } = [];

    public void Plan(int count)
    {
        var arrivals = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            arrivals[i] = dice.Growing();
        }
        // 学号 are given in order, so the n-th member is the n-th to arrive.
        Array.Sort(arrivals);
        foreach (var createdAt in arrivals)
        {
            PlanMember(createdAt);
        }
        AssignGroups();
    }

    private void PlanMember(DateTime createdAt)
    {
        var member = Members.Count;
        var series = dice.Pick(matrix.SeriesWeights);
        var channel = dice.Chance(ChannelShare) ? dice.Pick(matrix.ChannelWeights) : -1;
        DateTime? blacklistedAt = dice.Chance(BlacklistShare) ? dice.Between(createdAt + (dice.End - createdAt) * 0.2, dice.End) : null;
        var horizon = blacklistedAt ?? dice.End;
        var (firstStay, firstSignup) = (Stays.Count, Signups.Count);
        var current = matrix.Current(series, createdAt);
        _firstStay = firstStay;
        if (current >= 0 && dice.Chance(SignupShare))
        {
            PlanSignups(member, current, createdAt, channel, horizon);
        }
        else if (dice.Chance(JoinWithoutSignupShare))
        {
            var activity = current >= 0 ? current : matrix.Series[series].Activities[^1];
            Join(member, activity, createdAt.AddMinutes(dice.Next(1, 6 * 60)), Sources[dice.Pick(JoinSources)], horizon);
        }
        if (blacklistedAt is { } blacklisted)
        {
            for (var s = firstStay; s < Stays.Count; s++)
            {
                var leftAt = blacklisted.AddMinutes(dice.Next(1, 60));
                if (Stays[s].LeftAt is null && leftAt < dice.End)
                {
                    Stays[s] = Stays[s] with { LeftAt = leftAt };
                }
            }
        }
        var level = (Signups.Count - firstSignup) switch
        {
            0 => dice.Chance(0.1) ? GrowthLevel.A : GrowthLevel.C,
            1 => dice.Chance(0.5) ? GrowthLevel.A : GrowthLevel.C,
            _ => dice.Chance(0.4) ? GrowthLevel.S : GrowthLevel.A,
        };
        Members.Add(new BenchMember(createdAt, series, channel, blacklistedAt, level, firstStay, Stays.Count - firstStay, firstSignup, Signups.Count - firstSignup));
    }

    /// <summary>
    /// One to three periods of the member's series in a row, now and then skipping one. The sign-up page made the
    /// member, so the first sign-up is seconds after the 学号; a later one falls while its period recruits.
    /// </summary>
    private void PlanSignups(int member, int activity, DateTime createdAt, int channel, DateTime horizon)
    {
        var at = createdAt.AddSeconds(dice.Next(5, 120));
        var periods = 1 + dice.Pick(PeriodsSignedUp);
        for (var k = 0; k < periods; k++)
        {
            if (k > 0)
            {
                activity = matrix.Following(activity, dice.Chance(0.2) ? 2 : 1);
                if (activity < 0)
                {
                    return;
                }
                var next = matrix.Activities[activity];
                var from = next.OpensAt > at ? next.OpensAt : at.AddHours(1);
                var to = IndexBenchRandom.Min(next.EndsAt, horizon);
                if (from >= to)
                {
                    return;
                }
                at = dice.Around(dice.Between(from, next.StartsAt > from ? IndexBenchRandom.Min(next.StartsAt, to) : to), from, to);
            }
            if (at >= horizon || at >= matrix.Activities[activity].EndsAt)
            {
                return;
            }
            Signups.Add(new BenchSignup(member, activity, at, CheckIn(activity, at, horizon), k == 0 ? channel : -1));
            Join(member, activity, at.AddMinutes(dice.Next(1, 24 * 60)), MembershipSource.SignUp, horizon);
        }
    }

    private DateTime? CheckIn(int activity, DateTime signedUpAt, DateTime horizon)
    {
        var period = matrix.Activities[activity];
        var from = period.StartsAt > signedUpAt ? period.StartsAt : signedUpAt;
        var to = IndexBenchRandom.Min(period.EndsAt, horizon);
        return from < to && dice.Chance(CheckInShare) ? dice.Around(dice.Between(from, to), from, to) : null;
    }

    private void Join(int member, int activity, DateTime at, MembershipSource source, DateTime horizon)
    {
        if (at >= horizon)
        {
            return;
        }
        for (var s = _firstStay; s < Stays.Count; s++)
        {
            if (Stays[s].Activity == activity)
            {
                return;
            }
        }
        var stay = Stays.Count;
        // Most who leave do so within days; a short window must still see its leaves.
        var meanDaysToLeave = Math.Min(12, (dice.End - dice.Start).TotalDays / 8);
        DateTime? leftAt = dice.Chance(LeaveShare) ? dice.After(at, meanDaysToLeave).AddMinutes(10) : null;
        if (leftAt >= horizon)
        {
            leftAt = null;
        }
        Stays.Add(new BenchStay(member, activity, -1, -1, at, leftAt, source));
        if (leftAt is { } left && dice.Chance(RejoinShare))
        {
            var back = dice.Around(dice.After(left, 5), left.AddHours(1), horizon);
            if (back > left && back < horizon)
            {
                Stays.Add(new BenchStay(member, activity, -1, stay, back, null, source));
            }
        }
    }

    /// <summary>
    /// Makes the groups each period's stays need, then deals its first stays round the groups; a re-join goes back to
    /// its group. Each group then holds at most <see cref="IndexBenchMatrix.StaysPerGroup"/> stays and a few re-joins,
    /// so it never had more members at once than its capacity.
    /// </summary>
    private void AssignGroups()
    {
        var perActivity = new int[matrix.Activities.Count];
        foreach (var stay in Stays)
        {
            perActivity[stay.Activity]++;
        }
        matrix.AddGroups(perActivity);
        var dealt = new int[matrix.Activities.Count];
        var rows = new int[matrix.Groups.Count];
        for (var s = 0; s < Stays.Count; s++)
        {
            var stay = Stays[s];
            var groups = matrix.Activities[stay.Activity].Groups;
            var group = stay.RejoinOf >= 0 ? Stays[stay.RejoinOf].Group : groups[dealt[stay.Activity]++ % groups.Count];
            Stays[s] = stay with { Group = group };
            if (++rows[group] > Group.MaxCapacity)
            {
                throw new InvalidOperationException($"Bench group {group} would hold more stays than its capacity.");
            }
            var planned = matrix.Groups[group];
            if (planned.OpenedAt is null || stay.JoinedAt < planned.OpenedAt)
            {
                planned.OpenedAt = stay.JoinedAt;
            }
            if (stay.LeftAt is null)
            {
                planned.Members++;
            }
        }
    }
}
