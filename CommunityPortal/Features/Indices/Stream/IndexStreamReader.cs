using System.Runtime.CompilerServices;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Indices.Stream;

/// <summary>
/// Reads the operation event stream from where each fact is stored once: scans, members, group memberships (joined and
/// left), sign-ups (signed up and checked in), member events (active, purchased, blacklisted, blacklist lifted) and
/// service records. No copy is kept: the stream is these tables read as one. Bots stay in the stream (outcome Bot);
/// the indices leave them out.
/// </summary>
public sealed class IndexStreamReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    private static readonly MemberEventKind[] MemberFacts =
        [MemberEventKind.Active, MemberEventKind.Purchased, MemberEventKind.Blacklisted, MemberEventKind.BlacklistLifted];

    /// <summary>Every source, each in time order; <see cref="StreamMerge"/> makes one ordered stream of them.</summary>
    public IReadOnlyList<IAsyncEnumerable<StreamEvent>> Sources(StreamRange range) => [ScansAsync(range, byId: false), .. MemberFactSources(range, null)];

    /// <summary>Every scan in id order (the order they were written), for the rebuild.</summary>
    public IAsyncEnumerable<StreamEvent> ScansByIdAsync(CancellationToken ct = default) => ScansAsync(StreamRange.All, byId: true, ct);

    /// <summary>Every source but scans (the members' facts), for the rebuild.</summary>
    public IReadOnlyList<IAsyncEnumerable<StreamEvent>> MemberSources() => MemberFactSources(StreamRange.All, null);

    /// <summary>All facts of some members (what the aggregator reads again when a member changes), in no order.</summary>
    public async Task<List<StreamEvent>> OfMembersAsync(IReadOnlyCollection<int> memberIds, CancellationToken ct)
    {
        var all = new List<StreamEvent>();
        foreach (var source in (IAsyncEnumerable<StreamEvent>[])[LinkedScansAsync(memberIds, ct), .. MemberFactSources(StreamRange.All, memberIds, ct)])
        {
            await foreach (var e in source.WithCancellation(ct))
            {
                all.Add(e);
            }
        }
        return all;
    }

    /// <summary>The sources of member facts, each in time order; <paramref name="members"/> null: everyone's.</summary>
    private IAsyncEnumerable<StreamEvent>[] MemberFactSources(StreamRange range, IReadOnlyCollection<int>? members, CancellationToken ct = default) =>
    [
        MembersAsync(range, members, ct), JoinsAsync(range, members, ct), LeavesAsync(range, members, ct), SignupsAsync(range, members, ct),
        CheckInsAsync(range, members, ct), MemberEventsAsync(range, members, ct), ServiceRecordsAsync(range, members, ct),
    ];

    private async IAsyncEnumerable<StreamEvent> ScansAsync(StreamRange range, bool byId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var joined = from s in db.Set<Scan>().AsNoTracking().Where(s => s.At >= range.From && s.At < range.To)
                     join c in db.Set<ChannelCode>() on s.ChannelCodeId equals c.Id into codes
                     from c in codes.DefaultIfEmpty()
                     select new { s.Id, s.At, s.MemberId, s.GroupId, s.LiveCodeId, ChannelId = (int?)c.ChannelId, Key = c.Key, s.VisitorKey, s.Outcome };
        var rows = byId ? joined.OrderBy(s => s.Id) : joined.OrderBy(s => s.At).ThenBy(s => s.Id);
        await foreach (var s in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.Scan, s.At, s.Id, s.MemberId, s.GroupId, null, s.LiveCodeId, s.ChannelId, s.Key, s.VisitorKey, s.Outcome);
        }
    }

    /// <summary>A scan linked to a member makes them active that day; read again with the member's other facts.</summary>
    private async IAsyncEnumerable<StreamEvent> LinkedScansAsync(IReadOnlyCollection<int> members, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<Scan>().AsNoTracking().Where(s => s.MemberId != null && members.Contains(s.MemberId.Value) && s.Outcome != ScanOutcome.Bot)
            .Select(s => new { s.Id, s.At, s.MemberId, s.GroupId });
        await foreach (var s in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.ScanLinked, s.At, s.Id, s.MemberId, s.GroupId);
        }
    }

    private async IAsyncEnumerable<StreamEvent> MembersAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<Member>().AsNoTracking().Where(m => m.CreatedAt >= range.From && m.CreatedAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(m => members.Contains(m.Id));
        }
        await foreach (var m in rows.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.CreatedAt, m.FirstChannelId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.MemberCreated, m.CreatedAt, m.Id, m.Id, ChannelId: m.FirstChannelId);
        }
    }

    private async IAsyncEnumerable<StreamEvent> JoinsAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<GroupMembership>().AsNoTracking().Where(m => m.JoinedAt >= range.From && m.JoinedAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(m => members.Contains(m.MemberId));
        }
        await foreach (var m in rows.OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.JoinedAt, m.MemberId, m.GroupId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.Joined, m.JoinedAt, m.Id, m.MemberId, m.GroupId);
        }
    }

    private async IAsyncEnumerable<StreamEvent> LeavesAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<GroupMembership>().AsNoTracking().Where(m => m.LeftAt != null && m.LeftAt >= range.From && m.LeftAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(m => members.Contains(m.MemberId));
        }
        await foreach (var m in rows.OrderBy(m => m.LeftAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.LeftAt, m.MemberId, m.GroupId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.Left, m.LeftAt!.Value, m.Id, m.MemberId, m.GroupId);
        }
    }

    private async IAsyncEnumerable<StreamEvent> SignupsAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<ActivitySignup>().AsNoTracking().Where(s => s.CreatedAt >= range.From && s.CreatedAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(s => members.Contains(s.MemberId));
        }
        await foreach (var s in rows.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.CreatedAt, s.MemberId, s.ActivityId, s.ChannelId, s.ChannelKey }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.SignedUp, s.CreatedAt, s.Id, s.MemberId, ActivityId: s.ActivityId, ChannelId: s.ChannelId, ChannelKey: s.ChannelKey);
        }
    }

    private async IAsyncEnumerable<StreamEvent> CheckInsAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<ActivitySignup>().AsNoTracking().Where(s => s.CheckedInAt != null && s.CheckedInAt >= range.From && s.CheckedInAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(s => members.Contains(s.MemberId));
        }
        await foreach (var s in rows.OrderBy(s => s.CheckedInAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.CheckedInAt, s.MemberId, s.ActivityId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.CheckedIn, s.CheckedInAt!.Value, s.Id, s.MemberId, ActivityId: s.ActivityId);
        }
    }

    private async IAsyncEnumerable<StreamEvent> MemberEventsAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<MemberEvent>().AsNoTracking().Where(e => MemberFacts.Contains(e.Kind) && e.At >= range.From && e.At < range.To);
        if (members is not null)
        {
            rows = rows.Where(e => members.Contains(e.MemberId));
        }
        await foreach (var e in rows.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.At, e.Kind, e.MemberId, e.GroupId, e.ActivityId, e.Amount }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var type = e.Kind switch
            {
                MemberEventKind.Active => IndexEventType.Active,
                MemberEventKind.Purchased => IndexEventType.Purchased,
                MemberEventKind.Blacklisted => IndexEventType.Blacklisted,
                _ => IndexEventType.BlacklistLifted,
            };
            yield return new StreamEvent(type, e.At, e.Id, e.MemberId, e.GroupId, e.ActivityId, Amount: e.Amount);
        }
    }

    private async IAsyncEnumerable<StreamEvent> ServiceRecordsAsync(StreamRange range, IReadOnlyCollection<int>? members, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<ServiceRecord>().AsNoTracking().Where(r => r.CreatedAt >= range.From && r.CreatedAt < range.To);
        if (members is not null)
        {
            rows = rows.Where(r => members.Contains(r.MemberId));
        }
        await foreach (var r in rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new { r.Id, r.CreatedAt, r.MemberId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new StreamEvent(IndexEventType.ServiceRecord, r.CreatedAt, r.Id, r.MemberId);
        }
    }
}

/// <summary>[From, To) in UTC.</summary>
public sealed record StreamRange(DateTime From, DateTime To)
{
    public static readonly StreamRange All = new(DateTime.MinValue, DateTime.MaxValue);
}
