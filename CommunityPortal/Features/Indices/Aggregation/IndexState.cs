using CommunityPortal.Features.Indices.Stream;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Infrastructure.Time;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// The aggregator's memory: every fact of the stream, kept per team-time-zone day, and per member the facts that are
/// theirs. Applying a fact twice changes nothing: scans are known by id, a member's facts are replaced as a whole by
/// what the database holds for them now (what changed is worked out, so only those days move). Not thread-safe: the
/// aggregator writes under its lock, queries read under it.
/// </summary>
public sealed class IndexState
{
    private readonly Dictionary<int, List<Fact>> _days = [];
    private readonly Dictionary<int, MemberState> _members = [];
    private readonly VisitorIds _visitors = new();
    private readonly HashSet<int> _blacklisted = [];
    private readonly HashSet<int> _touchedDays = [];
    private readonly HashSet<IndexEventType> _touchedTypes = [];

    /// <summary>The highest scan id applied: scans come in id order, so a scan at or below it is known already.</summary>
    public long MaxScanId { get; private set; }

    public int FactCount { get; private set; }

    public IReadOnlyDictionary<int, MemberState> Members => _members;

    public int? FirstDay => _days.Count == 0 ? null : _days.Keys.Min();

    public int LastDay => _days.Count == 0 ? 0 : _days.Keys.Max();

    /// <summary>The facts of one day (empty when none).</summary>
    public IReadOnlyList<Fact> Day(int day) => _days.TryGetValue(day, out var facts) ? facts : [];

    /// <summary>The facts of one day, read in place (no copy, no enumerator object).</summary>
    public ReadOnlySpan<Fact> DaySpan(int day) =>
        _days.TryGetValue(day, out var facts) ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(facts) : [];

    public MemberState? Member(int id) => _members.GetValueOrDefault(id);

    /// <summary>Whether the member's latest blacklist fact is "blacklisted" (a small set: read for every member fact a query counts).</summary>
    public bool IsBlacklisted(int memberId) => _blacklisted.Contains(memberId);

    /// <summary>A scan from the writer or the rebuild; ignored if known. A non-bot scan with a member is also their activity.</summary>
    public void AddScan(StreamEvent e)
    {
        if (e.Id <= MaxScanId)
        {
            return;
        }
        MaxScanId = e.Id;
        var visitor = e.Visitor is null ? 0 : _visitors.Intern(e.Visitor);
        Add(ToFact(e, visitor));
        if (e.MemberId is not { } member || e.Outcome == ScanOutcome.Bot)
        {
            return;
        }
        var state = MemberOf(member);
        // The member's facts may have been read again after the scan committed and before the feed brought it here.
        if (state.Facts.Exists(f => f.Type == IndexEventType.ScanLinked && f.Id == e.Id))
        {
            return;
        }
        var linked = ToFact(e with { Type = IndexEventType.ScanLinked }, 0);
        Add(linked);
        state.Facts.Add(new FactRef(linked.Type, linked.Id, linked.Day, linked.Ticks));
        Derive(state);
    }

    /// <summary>Adds facts of members during the rebuild (each fact once; <see cref="DeriveAll"/> afterwards).</summary>
    public void AddMemberFact(StreamEvent e)
    {
        var fact = ToFact(e, 0);
        Add(fact);
        MemberOf(fact.MemberId).Facts.Add(new FactRef(fact.Type, fact.Id, fact.Day, fact.Ticks));
        if (fact.Type == IndexEventType.MemberCreated)
        {
            _members[fact.MemberId].ChannelId = fact.ChannelId;
        }
    }

    /// <summary>After the rebuild: derives every member, and gives back the lists' spare room (up to half of a grown list).</summary>
    public void DeriveAll()
    {
        foreach (var member in _members.Values)
        {
            Derive(member);
            member.Facts.TrimExcess();
        }
        foreach (var day in _days.Values)
        {
            day.TrimExcess();
        }
        _members.TrimExcess();
        _visitors.TrimExcess();
    }

    /// <summary>
    /// Makes a member's facts what the database holds now (<paramref name="facts"/>: all of them; none = deleted):
    /// facts gone or changed leave their day, new or changed ones join theirs.
    /// </summary>
    public void ReplaceMember(int memberId, IReadOnlyList<StreamEvent> facts)
    {
        var state = MemberOf(memberId);
        var wanted = new Dictionary<(IndexEventType, long), Fact>(facts.Count);
        foreach (var e in facts)
        {
            var fact = ToFact(e, 0);
            wanted[(fact.Type, fact.Id)] = fact;
        }
        var kept = new List<FactRef>(facts.Count);
        foreach (var old in state.Facts)
        {
            // A member's first channel may change after the fact: their 学号 fact carries it, so it is a changed fact.
            if (wanted.Remove((old.Type, old.Id), out var now) && Same(old, now)
                && (now.Type != IndexEventType.MemberCreated || now.ChannelId == state.ChannelId))
            {
                kept.Add(old);
                continue;
            }
            Remove(old);
            if (now != default)
            {
                wanted[(now.Type, now.Id)] = now;
            }
        }
        foreach (var fact in wanted.Values)
        {
            Add(fact);
            kept.Add(new FactRef(fact.Type, fact.Id, fact.Day, fact.Ticks));
        }
        state.Facts.Clear();
        state.Facts.AddRange(kept);
        state.ChannelId = facts.FirstOrDefault(e => e.Type == IndexEventType.MemberCreated)?.ChannelId ?? 0;
        Derive(state);
        if (state.Facts.Count == 0)
        {
            _members.Remove(memberId);
        }
    }

    /// <summary>The days and types changed since the last call.</summary>
    public (IReadOnlyCollection<DateOnly> Days, IReadOnlyCollection<IndexEventType> Types) TakeChanges()
    {
        var days = _touchedDays.Select(DateOnly.FromDayNumber).ToList();
        var types = _touchedTypes.ToList();
        _touchedDays.Clear();
        _touchedTypes.Clear();
        return (days, types);
    }

    public static int DayOf(DateTime utc) => DateOnly.FromDateTime(PortalTime.ToLocal(utc)).DayNumber;

    private static bool Same(FactRef old, Fact now) => old.Day == now.Day && old.Ticks == now.Ticks;

    private void Derive(MemberState member)
    {
        member.Derive();
        if (member.Blacklisted && member.Facts.Count > 0)
        {
            _blacklisted.Add(member.Id);
        }
        else
        {
            _blacklisted.Remove(member.Id);
        }
    }

    private MemberState MemberOf(int id)
    {
        if (!_members.TryGetValue(id, out var state))
        {
            _members[id] = state = new MemberState(id);
        }
        return state;
    }

    private void Add(Fact fact)
    {
        if (!_days.TryGetValue(fact.Day, out var list))
        {
            _days[fact.Day] = list = [];
        }
        list.Add(fact);
        FactCount++;
        _touchedDays.Add(fact.Day);
        _touchedTypes.Add(fact.Type);
    }

    private void Remove(FactRef old)
    {
        if (_days.TryGetValue(old.Day, out var list))
        {
            var index = list.FindIndex(f => f.Type == old.Type && f.Id == old.Id);
            if (index >= 0)
            {
                // Order within a day does not matter: the last fact fills the hole.
                list[index] = list[^1];
                list.RemoveAt(list.Count - 1);
                FactCount--;
                _touchedDays.Add(old.Day);
                _touchedTypes.Add(old.Type);
            }
        }
    }

    private static Fact ToFact(StreamEvent e, int visitor)
    {
        var local = PortalTime.ToLocal(e.At);
        return new Fact(e.Type, e.Outcome ?? ScanOutcome.Assigned, (byte)local.Hour, DateOnly.FromDateTime(local).DayNumber, e.Id, e.At.Ticks,
            e.MemberId ?? 0, e.GroupId ?? 0, e.ActivityId ?? 0, e.ChannelId ?? 0, visitor, e.Amount is { } amount ? (long)decimal.Round(amount * 100) : 0);
    }
}
