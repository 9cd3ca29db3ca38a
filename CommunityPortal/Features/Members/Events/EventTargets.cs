using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Events;

/// <summary>A member a batch names: found by MemberNo or UnionID.</summary>
internal sealed record EventMember(int Id, int MemberNo, string? UnionId, bool Blacklisted);

/// <summary>
/// The members, groups and activities a batch names, read in four queries before anything is written; each item is then
/// checked against them, so unknown references are item errors and the domain services see only items that can apply.
/// </summary>
internal sealed record EventTargets(
    Dictionary<int, EventMember> ByNumber,
    Dictionary<string, EventMember> ByUnionId,
    HashSet<int> Groups,
    Dictionary<int, string> ActivityNames)
{
    public static async Task<EventTargets> LoadAsync(PortalDbContext db, IReadOnlyCollection<ReadEvent> items, CancellationToken ct)
    {
        var numbers = items.Where(i => i.MemberNo is not null).Select(i => i.MemberNo!.Value).Distinct().ToArray();
        var unionIds = items.Where(i => i.UnionId is not null).Select(i => i.UnionId!).Distinct().ToArray();
        var groupIds = items.Where(i => i.GroupId is not null).Select(i => i.GroupId!.Value).Distinct().ToArray();
        var activityIds = items.Where(i => i.ActivityId is not null).Select(i => i.ActivityId!.Value).Distinct().ToArray();
        var members = db.Set<Member>().AsNoTracking();
        var byNumber = numbers.Length == 0 ? [] : await members.Where(m => numbers.Contains(m.MemberNo))
            .Select(m => new EventMember(m.Id, m.MemberNo, m.UnionId, m.Status == MemberStatus.Blacklisted)).ToListAsync(ct);
        var byUnionId = unionIds.Length == 0 ? [] : await members.Where(m => unionIds.Contains(m.UnionId!))
            .Select(m => new EventMember(m.Id, m.MemberNo, m.UnionId, m.Status == MemberStatus.Blacklisted)).ToListAsync(ct);
        var groups = groupIds.Length == 0 ? [] : await db.Set<Group>().AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        var activities = activityIds.Length == 0 ? [] : await db.Set<Activity>().AsNoTracking().Where(a => activityIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return new EventTargets(byNumber.ToDictionary(m => m.MemberNo), byUnionId.ToDictionary(m => m.UnionId!, StringComparer.Ordinal),
            [.. groups], activities);
    }

    /// <summary>The item's member, or null with the errors of what it names that does not exist (or may not do this).</summary>
    public EventMember? Check(ReadEvent item, ItemErrors errors)
    {
        var member = Find(item, errors);
        if (member is not null && item.Type == MemberEventType.SignedUp && member.Blacklisted)
        {
            errors.Add("member", "Blacklisted", member.MemberNo);
        }
        if (item.GroupId is { } groupId && !Groups.Contains(groupId))
        {
            errors.Add("groupId", "UnknownGroup", groupId);
        }
        if (item.ActivityId is { } activityId && !ActivityNames.ContainsKey(activityId))
        {
            errors.Add("activityId", "UnknownActivity", activityId);
        }
        return errors.Any ? null : member;
    }

    private EventMember? Find(ReadEvent item, ItemErrors errors)
    {
        if (item.MemberNo is { } number)
        {
            if (ByNumber.TryGetValue(number, out var byNumber))
            {
                return byNumber;
            }
            errors.Add("member.memberNo", "UnknownMemberNo", number);
            return null;
        }
        if (ByUnionId.TryGetValue(item.UnionId!, out var byUnionId))
        {
            return byUnionId;
        }
        errors.Add("member.unionId", "UnknownUnionId", item.UnionId!);
        return null;
    }
}
