namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// Group health in the range: members at the start and end (joins minus leaves before each; every membership counts,
/// blacklisted or not — it is the group's real size), joins, leaves, net growth, leave rate, activity per member.
/// </summary>
public static class GroupCalculator
{
    private sealed class Health
    {
        public int Before;
        public int Joins;
        public int Leaves;
        public int Activity;
    }

    public static IReadOnlyList<GroupIndexRow> Compute(FactFilter f)
    {
        var q = f.Query;
        var groups = f.Lookups.Groups.Values.Where(g =>
            (q.Tier is not { } t || g.Tier == t) && (q.ActivityId is not { } a || g.ActivityId == a)
            && (q.SeriesId is not { } s || f.Lookups.SeriesOf(g.ActivityId) == s)).ToDictionary(g => g.Id, _ => new Health());
        if (groups.Count == 0 || f.State.FirstDay is not { } first)
        {
            return [];
        }
        foreach (ref readonly var fact in f.Facts(first, f.ToDay))
        {
            // The filter picked the groups; of their facts only the channel is asked (a fact's own activity may be another).
            if (fact.GroupId == 0 || !groups.TryGetValue(fact.GroupId, out var health) || !f.PassesChannel(fact))
            {
                continue;
            }
            var inRange = fact.Day >= f.FromDay;
            switch (fact.Type)
            {
                case IndexEventType.Joined when inRange:
                    health.Joins++;
                    break;
                case IndexEventType.Joined:
                    health.Before++;
                    break;
                case IndexEventType.Left when inRange:
                    health.Leaves++;
                    break;
                case IndexEventType.Left:
                    health.Before--;
                    break;
            }
            if (inRange && fact.IsActivity && f.Counts(fact.MemberId))
            {
                health.Activity++;
            }
        }
        return [.. groups.Where(g => g.Value is not { Before: 0, Joins: 0, Leaves: 0, Activity: 0 })
            .Select(g =>
            {
                var (info, h) = (f.Lookups.Groups[g.Key], g.Value);
                var end = h.Before + h.Joins - h.Leaves;
                return new GroupIndexRow(info.Id, info.Name, info.Tier, info.ActivityId == 0 ? null : info.ActivityId, h.Before, end, h.Joins, h.Leaves,
                    h.Joins - h.Leaves, h.Before + h.Joins == 0 ? null : (double)h.Leaves / (h.Before + h.Joins), h.Activity,
                    end == 0 ? null : (double)h.Activity / end);
            })
            .OrderByDescending(r => r.MembersAtEnd).ThenBy(r => r.GroupId)];
    }
}
