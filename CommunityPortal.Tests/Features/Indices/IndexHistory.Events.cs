using CommunityPortal.Features.Members.Events;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>Three months of facts sent through POST /api/v1/events: late, out of order, some sent twice.</summary>
public sealed partial class IndexHistory
{
    /// <summary>Days ago each group's period began (the last group has no period).</summary>
    private static readonly int[] GroupStarts = [90, 90, 60, 60, 30, 30, 80, 45, 10];

    private static readonly decimal[] Amounts = [9.9m, 19.9m, 99m, 199.5m, 1288m];

    private static readonly string[] Subtypes = ["message", "checkIn", "visit"];

    private int _nextEvent;

    private sealed record Ev(string Id, string Type, string At, int MemberNo, int? GroupId = null, int? ActivityId = null, decimal? Amount = null,
        string? Subtype = null)
    {
        public object Wire() => new
        {
            clientEventId = Id, type = Type, subtype = Subtype, at = At, member = new { memberNo = MemberNo }, groupId = GroupId, activityId = ActivityId,
            amount = Amount,
        };
    }

    private Ev Event(string type, string at, int member, int? group = null, int? activity = null, decimal? amount = null) =>
        new($"idx-{++_nextEvent}", type, at, Members[member].MemberNo, group, activity, amount, type == "active" ? Subtypes[_random.Next(3)] : null);

    private string RandomTime(int daysAgo) => Local(daysAgo, _random.Next(24), _random.Next(60), _random.Next(60));

    private async Task EventsAsync()
    {
        var memberships = new List<Ev>();
        var facts = new List<Ev>();
        foreach (var member in (int[])[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12])
        {
            Memberships(member, memberships);
            Facts(member, facts);
        }
        Midnights(memberships, facts);
        // The events API applies a batch in time order: a leave and a re-join keep their order wherever they stand in it.
        await PostAsync(Shuffled(memberships), _ => "created");
        // The rest late and out of order: the newest first, each batch shuffled.
        foreach (var chunk in facts.OrderByDescending(e => e.At, StringComparer.Ordinal).Chunk((facts.Count + 2) / 3))
        {
            await PostAsync(Shuffled(chunk), _ => "created");
        }
        // Sent again (a client that missed the answers): the same client event ids are duplicates; the new ones count.
        var fresh = new[] { Event("active", RandomTime(3), 2), Event("purchased", RandomTime(70), 9, amount: 49.9m) };
        var again = Shuffled(facts).Take(15).Concat(Shuffled(memberships).Take(5)).ToList();
        await PostAsync(Shuffled(again.Concat(fresh)), e => fresh.Contains(e) ? "created" : "duplicate");
    }

    /// <summary>Joins around a period's start, some leaves, some re-joins (left, then joined again), in time order.</summary>
    private void Memberships(int member, List<Ev> into)
    {
        foreach (var g in Shuffled(Enumerable.Range(0, GroupStarts.Length)).Take(1 + _random.Next(3)))
        {
            var day = Math.Max(2, GroupStarts[g] + _random.Next(6));
            var group = Groups[g].Id;
            into.Add(Event("joinedGroup", RandomTime(day), member, group));
            for (var stays = 0; stays < 2 && day > 3 && _random.Next(2) == 0; stays++)
            {
                day -= 1 + _random.Next(Math.Min(20, day - 2));
                into.Add(Event("leftGroup", RandomTime(day), member, group));
                if (day > 2 && _random.Next(2) == 0)
                {
                    day -= 1 + _random.Next(Math.Min(10, day - 1));
                    into.Add(Event("joinedGroup", RandomTime(day), member, group));
                }
                else
                {
                    break;
                }
            }
        }
    }

    /// <summary>Sign-ups before a period starts, activity (some with a group, an activity, or both apart), purchases.</summary>
    private void Facts(int member, List<Ev> into)
    {
        for (var s = 0; s < 2; s++)
        {
            for (var p = 0; p < 3; p++)
            {
                // Members 0 and 1 signed up for the first period (check-ins follow); 12 signed up for 1-3 already.
                var certain = member is 0 or 1 && s == 0 && p == 0;
                if ((certain || _random.Next(100) < 45) && !(member == 12 && s == 0 && p == 2))
                {
                    var start = s == 0 ? GroupStarts[p * 2] : GroupStarts[6 + p];
                    into.Add(Event("signedUp", RandomTime(start + 1 + _random.Next(10)), member, activity: Periods[s][p]));
                }
            }
        }
        for (var i = 3 + _random.Next(6); i > 0; i--)
        {
            into.Add(Event("active", RandomTime(1 + _random.Next(HistoryDays)), member, RandomGroup(30), RandomPeriod(20)));
        }
        for (var i = _random.Next(4); i > 0; i--)
        {
            into.Add(Event("purchased", RandomTime(1 + _random.Next(HistoryDays)), member, RandomGroup(30), RandomPeriod(10),
                Amounts[_random.Next(Amounts.Length)]));
        }
    }

    private int? RandomGroup(int percent) => _random.Next(100) < percent ? Groups[_random.Next(Groups.Count)].Id : null;

    private int? RandomPeriod(int percent) => _random.Next(100) < percent ? Periods[_random.Next(2)][_random.Next(3)] : null;

    /// <summary>
    /// Facts a second either side of the team's midnight: on 40/39 days ago, and on the first day (60 days ago) and the
    /// last day (20 days ago) of the range the tests also ask for. The last group (no period) is kept for these.
    /// </summary>
    private void Midnights(List<Ev> memberships, List<Ev> facts)
    {
        var standalone = Groups[^1].Id;
        facts.Add(Event("active", Local(40, 23, 59, 59), 0));
        facts.Add(Event("active", Local(39, 0, 0, 0), 1));
        facts.Add(Event("purchased", Local(40, 23, 59, 59), 2, Groups[0].Id, amount: 66.6m));
        // Tied to a group of the first series and to a period of the second: the group's health counts it.
        facts.Add(Event("active", Local(30, 12), 0, Groups[0].Id, Periods[1][0]));
        facts.Add(Event("active", Local(61, 23, 59, 59), 4, standalone));
        facts.Add(Event("active", Local(60, 0, 0, 0), 4, standalone));
        memberships.Add(Event("joinedGroup", Local(61, 23, 59, 59), 6, standalone));
        memberships.Add(Event("joinedGroup", Local(75, 8), 7, standalone));
        memberships.Add(Event("leftGroup", Local(60, 0, 0, 0), 7, standalone));
        memberships.Add(Event("joinedGroup", Local(20, 23, 59, 59), 3, standalone));
        memberships.Add(Event("leftGroup", Local(19, 0, 0, 0), 3, standalone));
    }

    private List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private async Task PostAsync(IReadOnlyList<Ev> events, Func<Ev, string> outcome)
    {
        var result = await (await _operator.PostJsonAsync("/api/v1/events", new { events = events.Select(e => e.Wire()) })).ReadAsync<EventBatchResponse>();
        var errors = string.Join("; ", result.Errors.Select(e => $"{events[e.Index]}: {e.Field} {e.Message}"));
        Assert.True(events.Select(outcome).SequenceEqual(result.Items.Select(i => i.Outcome)), $"Unexpected outcomes: {errors}");
    }
}
