using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.LiveCodes.Routing;

/// <summary>A pool group as routing sees it: where it stands, how full it is, and whether its QR can be shown.</summary>
public sealed record PoolGroup(
    int GroupId,
    int Position,
    int Threshold,
    int Capacity,
    int MemberCount,
    GroupStatus Status,
    int? QrId,
    DateTime? QrExpiresAt,
    GroupDisplay? Display = null)
{
    /// <summary>WeChat stops joining by QR at 200 members, whatever the group's own capacity.</summary>
    public const int WeChatQrJoinLimit = 200;

    /// <summary>Whether the group may take a new person, leaving its threshold aside.</summary>
    public bool IsUsable(DateTime now) =>
        Status == GroupStatus.Open
        && MemberCount < Capacity
        && MemberCount < WeChatQrJoinLimit
        && HasLiveQr(now);

    public bool HasLiveQr(DateTime now) => QrId is not null && QrExpiresAt > now;
}

/// <summary>What the scan page shows of a group; travels with the pool entry so a page never mixes two versions.</summary>
public sealed record GroupDisplay(string Name, ImageRef? Qr);

/// <summary>An image shown on the scan page: inline as a data URI when small, else fetched by URL (Id).</summary>
public sealed record ImageRef(int Id, string? DataUri, string ContentType);

/// <summary>What a scan gets: a group (new or the one this visitor already had) or nothing (fallback).</summary>
public readonly record struct RouteResult(PoolGroup? Group, ScanOutcome Outcome);

/// <summary>
/// Routing for one live code: picks a pool group by the rotation mode and counts who went where. A plain class with
/// no database, so it is tested on its own; one lock per live code keeps check-and-count atomic, which is what makes
/// a threshold a hard limit under parallel scans (STYLE.md "Hot paths are plain classes").
/// </summary>
public sealed class LiveCodeRouter
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(24);
    private const int PruneEvery = 4096;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, int> _assigned;
    private readonly Dictionary<string, (int GroupId, DateTime At)> _visitors;
    private readonly Random _random;
    private RotationMode _mode;
    private PoolGroup[] _pool;
    private int _cursor = -1;
    private int _sincePrune;

    public LiveCodeRouter(
        RotationMode mode,
        IEnumerable<PoolGroup> pool,
        IReadOnlyDictionary<int, int>? assigned = null,
        IEnumerable<KeyValuePair<string, (int GroupId, DateTime At)>>? visitors = null,
        Random? random = null)
    {
        _mode = mode;
        _pool = Order(pool);
        _assigned = assigned is null ? [] : new Dictionary<int, int>(assigned);
        _visitors = visitors is null ? new(StringComparer.Ordinal) : new(visitors, StringComparer.Ordinal);
        _random = random ?? new Random();
    }

    public RotationMode Mode
    {
        get { lock (_gate) { return _mode; } }
    }

    public IReadOnlyList<PoolGroup> Pool
    {
        get { lock (_gate) { return _pool; } }
    }

    public int AssignedTo(int groupId)
    {
        lock (_gate)
        {
            return _assigned.GetValueOrDefault(groupId);
        }
    }

    public bool Contains(int groupId)
    {
        lock (_gate)
        {
            return Array.Exists(_pool, g => g.GroupId == groupId);
        }
    }

    /// <summary>Routes one person: the group they had within 24 h, else a new group by the mode, else nothing.</summary>
    public RouteResult Route(string visitorKey, DateTime now)
    {
        lock (_gate)
        {
            if (_visitors.TryGetValue(visitorKey, out var seen) && now - seen.At < RepeatWindow)
            {
                var previous = Array.Find(_pool, g => g.GroupId == seen.GroupId);
                // Still in the pool and still joinable: the same group again, not a second person.
                if (previous is not null && previous.HasLiveQr(now))
                {
                    return new RouteResult(previous, ScanOutcome.Repeat);
                }
            }
            var index = Pick(now);
            if (index < 0)
            {
                return new RouteResult(null, ScanOutcome.Fallback);
            }
            var group = _pool[index];
            _cursor = index;
            _assigned[group.GroupId] = _assigned.GetValueOrDefault(group.GroupId) + 1;
            _visitors[visitorKey] = (group.GroupId, now);
            PruneNow(now);
            return new RouteResult(group, ScanOutcome.Assigned);
        }
    }

    /// <summary>The group a person would get now, without counting anyone (for previews).</summary>
    public PoolGroup? Peek(DateTime now)
    {
        lock (_gate)
        {
            var index = Pick(now);
            return index < 0 ? null : _pool[index];
        }
    }

    /// <summary>Undoes an assignment whose scan could not be stored: the person was never told the group.</summary>
    public void Release(string visitorKey, int groupId)
    {
        lock (_gate)
        {
            if (_assigned.TryGetValue(groupId, out var count) && count > 0)
            {
                _assigned[groupId] = count - 1;
            }
            if (_visitors.TryGetValue(visitorKey, out var seen) && seen.GroupId == groupId)
            {
                _visitors.Remove(visitorKey);
            }
        }
    }

    /// <summary>A new pool and mode; counts stay, so a reload never forgets people assigned in memory.</summary>
    public void Replace(RotationMode mode, IEnumerable<PoolGroup> pool, IReadOnlyDictionary<int, int>? countsOfNewGroups = null)
    {
        var ordered = Order(pool);
        lock (_gate)
        {
            foreach (var group in ordered)
            {
                if (!_assigned.ContainsKey(group.GroupId) && countsOfNewGroups?.GetValueOrDefault(group.GroupId) is > 0 and var count)
                {
                    _assigned[group.GroupId] = count;
                }
            }
            if (_mode != mode)
            {
                _cursor = -1;
            }
            _mode = mode;
            _pool = ordered;
        }
    }

    /// <summary>Groups this router has counts for (so a reload only asks the database about new ones).</summary>
    public bool Knows(int groupId)
    {
        lock (_gate)
        {
            return _assigned.ContainsKey(groupId);
        }
    }

    /// <summary>Drops every pool group not in <paramref name="keep"/> at once, before a pool edit is committed.</summary>
    public void RetainOnly(IReadOnlySet<int> keep)
    {
        lock (_gate)
        {
            _pool = _pool.Where(g => keep.Contains(g.GroupId)).ToArray();
        }
    }

    /// <summary>Applies a group's new state (status, members, capacity, QR) to its pool entry, if it has one.</summary>
    public void UpdateGroup(int groupId, Func<PoolGroup, PoolGroup> change)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_pool, g => g.GroupId == groupId);
            if (index >= 0)
            {
                var pool = (PoolGroup[])_pool.Clone();
                pool[index] = change(pool[index]);
                _pool = pool;
            }
        }
    }

    private int Pick(DateTime now)
    {
        switch (_mode)
        {
            case RotationMode.FillInOrder:
                return Array.FindIndex(_pool, g => IsAvailable(g, now));
            case RotationMode.RoundRobin:
                for (var step = 1; step <= _pool.Length; step++)
                {
                    var index = (_cursor + step) % _pool.Length;
                    if (index >= 0 && IsAvailable(_pool[index], now))
                    {
                        return index;
                    }
                }
                return -1;
            case RotationMode.Random:
                {
                    Span<int> available = _pool.Length <= 64 ? stackalloc int[_pool.Length] : new int[_pool.Length];
                    var count = 0;
                    for (var i = 0; i < _pool.Length; i++)
                    {
                        if (IsAvailable(_pool[i], now))
                        {
                            available[count++] = i;
                        }
                    }
                    return count == 0 ? -1 : available[_random.Next(count)];
                }
            case RotationMode.LeastShown:
                {
                    var best = -1;
                    var bestCount = int.MaxValue;
                    for (var i = 0; i < _pool.Length; i++)
                    {
                        var count = _assigned.GetValueOrDefault(_pool[i].GroupId);
                        if (count < bestCount && IsAvailable(_pool[i], now))
                        {
                            (best, bestCount) = (i, count);
                        }
                    }
                    return best;
                }
            default:
                return -1;
        }
    }

    private bool IsAvailable(PoolGroup group, DateTime now) =>
        _assigned.GetValueOrDefault(group.GroupId) < group.Threshold && group.IsUsable(now);

    private void PruneNow(DateTime now)
    {
        if (++_sincePrune < PruneEvery)
        {
            return;
        }
        _sincePrune = 0;
        foreach (var (key, seen) in _visitors)
        {
            if (now - seen.At >= RepeatWindow)
            {
                _visitors.Remove(key);
            }
        }
    }

    private static PoolGroup[] Order(IEnumerable<PoolGroup> pool) => pool.OrderBy(g => g.Position).ToArray();
}
