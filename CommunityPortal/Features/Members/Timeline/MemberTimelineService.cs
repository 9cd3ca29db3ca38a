using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Timeline;

/// <summary>
/// A member's timeline: one list, newest first, merged from where each fact lives — the member row (created), group
/// stays (joined, left), service records, member events (tags, blacklist, growth, API events), the live-code scans
/// linked to the member (ScanMemberLinks), and what other features keep about the member (<see cref="IMemberTimelineSource"/>:
/// activity sign-ups — signed up, checked in, completed).
/// </summary>
/// <remarks>
/// Each source is read newest first up to skip + take rows through its (MemberId, time) index, and the lists are
/// merged here: a page never needs more than skip + take rows from any one source, and every source stays a plain
/// indexed query on both SQLite and PostgreSQL (no UNION over differently typed tables).
/// </remarks>
public sealed class MemberTimelineService(IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IMemberTimelineSource> sources,
    IStringLocalizer<MemberText> text)
{
    public const int MaxTake = 100;

    public async Task<PagedResult<TimelineEntry>> GetAsync(int memberId, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxTake);
        skip = Math.Max(0, skip);
        var window = skip + take;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Set<Member>().AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new
            {
                m.CreatedAt, m.MemberNo, m.CreatedByName,
                Channel = db.Set<Channel>().Where(c => c.Id == m.FirstChannelId).Select(c => c.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException(text["MemberNotFound"]);

        var stays = db.Set<GroupMembership>().AsNoTracking().Where(m => m.MemberId == memberId);
        var records = db.Set<ServiceRecord>().AsNoTracking().Where(r => r.MemberId == memberId);
        var events = db.Set<MemberEvent>().AsNoTracking().Where(e => e.MemberId == memberId);
        var scans = db.Set<Scan>().AsNoTracking().Where(s => s.MemberId == memberId);
        var total = 1
            + await stays.CountAsync(ct)
            + await stays.CountAsync(m => m.LeftAt != null, ct)
            + await records.CountAsync(ct)
            + await events.CountAsync(ct)
            + await scans.CountAsync(ct);
        foreach (var source in sources)
        {
            total += await source.CountAsync(db, memberId, ct);
        }

        var entries = new List<TimelineEntry>
        {
            new(member.CreatedAt, TimelineKind.Created, member.MemberNo, member.CreatedByName, member.Channel, null, null, null, null, null, null, null, false),
        };
        entries.AddRange(await stays.OrderByDescending(m => m.JoinedAt).Take(window)
            .Select(m => new TimelineEntry(m.JoinedAt, TimelineKind.GroupJoined, m.Id, null, m.Source.ToString(), m.GroupId, null, null, null, null, null, null, false))
            .ToListAsync(ct));
        entries.AddRange(await stays.Where(m => m.LeftAt != null).OrderByDescending(m => m.LeftAt).Take(window)
            .Select(m => new TimelineEntry(m.LeftAt!.Value, TimelineKind.GroupLeft, m.Id, null, null, m.GroupId, null, null, null, null, null, null, false))
            .ToListAsync(ct));
        entries.AddRange(await records.OrderByDescending(r => r.CreatedAt).Take(window)
            .Select(r => new TimelineEntry(r.CreatedAt, TimelineKind.ServiceRecord, r.Id, r.AuthorName, r.Text, null, null, null, null, null, null, r.Kind, r.EditedAt != null))
            .ToListAsync(ct));
        var memberEvents = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(window)
            .Select(e => new { e.Id, e.Kind, e.At, e.ActorName, e.Detail, e.TagId, e.GroupId, e.Amount })
            .ToListAsync(ct);
        entries.AddRange(memberEvents.Select(e => new TimelineEntry(e.At, KindOf(e.Kind), e.Id, e.ActorName,
            e.TagId is null ? e.Detail : null, e.GroupId, null, e.TagId, e.TagId is null ? null : e.Detail, null, e.Amount, null, false)));
        foreach (var source in sources)
        {
            entries.AddRange(await source.NewestAsync(db, memberId, window, ct));
        }
        entries.AddRange(await ScansAsync(db, scans, window, ct));

        var page = entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Kind).ThenByDescending(e => e.SourceId)
            .Skip(skip).Take(take).ToList();
        return new PagedResult<TimelineEntry>(await NameAsync(db, page, ct), total, skip, take);
    }

    /// <summary>The member's scans: the live code's and channel's names of today, the group shown (named with the others).</summary>
    private static async Task<List<TimelineEntry>> ScansAsync(PortalDbContext db, IQueryable<Scan> scans, int window, CancellationToken ct)
    {
        var rows = await scans.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Take(window)
            .Select(s => new
            {
                s.Id, s.At, s.GroupId, s.Outcome,
                Code = db.Set<LiveCode>().Where(l => l.Id == s.LiveCodeId).Select(l => l.Name).FirstOrDefault(),
                Channel = db.Set<Channel>()
                    .Where(ch => ch.Id == db.Set<ChannelCode>().Where(c => c.Id == s.ChannelCodeId).Select(c => c.ChannelId).FirstOrDefault())
                    .Select(ch => ch.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(s => new TimelineEntry(s.At, TimelineKind.ScanLinked, s.Id, null, s.Code, s.GroupId, null, null, null, null, null, null, false)
        {
            ScanOutcome = s.Outcome,
            ChannelName = s.Channel,
        }).ToList();
    }

    /// <summary>Today's names of the page's groups and tags; a deleted tag keeps the name it had (the event's snapshot).</summary>
    private static async Task<IReadOnlyList<TimelineEntry>> NameAsync(PortalDbContext db, List<TimelineEntry> page, CancellationToken ct)
    {
        var groupIds = page.Where(e => e.GroupId is not null).Select(e => e.GroupId!.Value).Distinct().ToArray();
        var tagIds = page.Where(e => e.TagId is not null).Select(e => e.TagId!.Value).Distinct().ToArray();
        var groupNames = groupIds.Length == 0 ? [] : await db.Set<Group>().AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var tags = tagIds.Length == 0 ? [] : await db.Set<Tag>().AsNoTracking().Where(t => tagIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new { t.Name, t.Colour }, ct);
        return page.Select(e => e with
        {
            GroupName = e.GroupId is { } g ? groupNames.GetValueOrDefault(g) : null,
            TagName = e.TagId is { } t && tags.TryGetValue(t, out var tag) ? tag.Name : e.TagName,
            TagColour = e.TagId is { } c && tags.TryGetValue(c, out var colour) ? colour.Colour : null,
        }).ToList();
    }

    private static TimelineKind KindOf(MemberEventKind kind) => kind switch
    {
        MemberEventKind.TagAdded => TimelineKind.TagAdded,
        MemberEventKind.TagRemoved => TimelineKind.TagRemoved,
        MemberEventKind.Blacklisted => TimelineKind.Blacklisted,
        MemberEventKind.BlacklistLifted => TimelineKind.BlacklistLifted,
        MemberEventKind.GrowthChanged => TimelineKind.GrowthChanged,
        MemberEventKind.ScanLinked => TimelineKind.ScanLinked,
        MemberEventKind.Active => TimelineKind.Active,
        MemberEventKind.Purchased => TimelineKind.Purchased,
        MemberEventKind.SignedUp => TimelineKind.SignedUp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
