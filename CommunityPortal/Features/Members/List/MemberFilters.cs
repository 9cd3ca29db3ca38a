using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;

namespace CommunityPortal.Features.Members.List;

/// <summary>
/// The member list's criteria as SQL. Tag, group and activity criteria come in two shapes with the same meaning: as
/// <c>Id IN (SELECT MemberId …)</c> they read the (TagId, MemberId), open-membership (GroupId, MemberId) and sign-up
/// (ActivityId, MemberId, through IActivityParticipants) indexes and touch only the members they name — right for counting and for criteria few members
/// meet; as a per-member <c>EXISTS</c> probe of the (MemberId, TagId) key (or the member's stays or sign-ups) they let a
/// page walk the MemberNo index and stop after one page — right when many members match (MemberQueryService picks by the
/// count it has just taken).
/// </summary>
internal static class MemberFilters
{
    public static bool HasSetCriteria(MemberFilter filter) =>
        filter.TagsAllOf is { Count: > 0 } || filter.TagsAnyOf is { Count: > 0 } || filter.GroupId is not null || filter.ActivityId is not null;

    public static IQueryable<Member> Apply(PortalDbContext db, IQueryable<Member> members, MemberFilter filter, IActivityParticipants participants,
        bool probeEachMember = false)
    {
        var tags = db.Set<MemberTag>();
        var stays = db.Set<GroupMembership>();
        if (Distinct(filter.TagsAllOf) is { Length: > 0 } allOf)
        {
            if (probeEachMember)
            {
                foreach (var tagId in allOf)
                {
                    members = members.Where(m => tags.Any(t => t.MemberId == m.Id && t.TagId == tagId));
                }
            }
            else
            {
                // Intersect inside the tag index first (who has the first tag and each other one), then read only those members.
                var first = allOf[0];
                var having = tags.Where(t => t.TagId == first);
                foreach (var tagId in allOf.Skip(1))
                {
                    having = having.Where(a => tags.Where(b => b.TagId == tagId).Select(b => b.MemberId).Contains(a.MemberId));
                }
                var ids = having.Select(t => t.MemberId);
                members = members.Where(m => ids.Contains(m.Id));
            }
        }
        if (Distinct(filter.TagsAnyOf) is { Length: > 0 } anyOf)
        {
            members = probeEachMember
                ? members.Where(m => tags.Any(t => t.MemberId == m.Id && anyOf.Contains(t.TagId)))
                : members.Where(m => tags.Where(t => anyOf.Contains(t.TagId)).Select(t => t.MemberId).Contains(m.Id));
        }
        if (Distinct(filter.TagsNoneOf) is { Length: > 0 } noneOf)
        {
            members = members.Where(m => !tags.Where(t => noneOf.Contains(t.TagId)).Select(t => t.MemberId).Contains(m.Id));
        }
        if (filter.GroupId is { } groupId)
        {
            members = probeEachMember
                ? members.Where(m => stays.Any(g => g.MemberId == m.Id && g.GroupId == groupId && g.LeftAt == null))
                : members.Where(m => stays.Where(g => g.GroupId == groupId && g.LeftAt == null).Select(g => g.MemberId).Contains(m.Id));
        }
        if (filter.ActivityId is { } activityId)
        {
            var ids = participants.MemberIds(db, activityId);
            members = probeEachMember
                ? members.Where(m => ids.Any(id => id == m.Id))
                : members.Where(m => ids.Contains(m.Id));
        }
        if (filter.GrowthLevel is { } level)
        {
            members = members.Where(m => m.GrowthLevel == level);
        }
        if (filter.ChannelId is { } channelId)
        {
            members = members.Where(m => m.FirstChannelId == channelId);
        }
        if (filter.Status is { } status)
        {
            members = members.Where(m => m.Status == status);
        }
        if (filter.CreatedFrom is { } from)
        {
            members = members.Where(m => m.CreatedAt >= from);
        }
        if (filter.CreatedTo is { } to)
        {
            members = members.Where(m => m.CreatedAt < to);
        }
        if (Text.Clean(filter.Search) is { } search)
        {
            members = Search(db, members, search);
        }
        return members;
    }

    /// <summary>
    /// A phone number finds its owner; a number of 4 to 10 digits is a MemberNo or the last digits of a phone (尾号),
    /// read from the phone index rather than the table; fewer digits are a MemberNo or part of a nickname; a UnionID
    /// finds its owner; anything else is part of a nickname or remark name, case-insensitive.
    /// </summary>
    private static IQueryable<Member> Search(PortalDbContext db, IQueryable<Member> members, string search)
    {
        if (MemberRules.NormalizePhone(search) is { } phone)
        {
            return members.Where(m => m.Phone == phone);
        }
        if (search.All(char.IsAsciiDigit) && search.Length < MemberRules.PhoneLength)
        {
            var number = int.TryParse(search, out var parsed) ? parsed : -1;
            if (search.Length >= 4)
            {
                // substr over the phone index, not the table; as a subquery, so SQLite's planner reads the two indexes and
                // does not walk the whole MemberNo index for the page's ORDER BY.
                var start = MemberRules.PhoneLength - search.Length;
                var found = db.Set<Member>().Where(m => m.MemberNo == number || (m.Phone != null && m.Phone.Substring(start) == search)).Select(m => m.Id);
                return members.Where(m => found.Contains(m.Id));
            }
            return members.Where(m => m.MemberNo == number || m.Nickname.Contains(search));
        }
        if (MemberRules.IsUnionId(search))
        {
            return members.Where(m => m.UnionId == search);
        }
        if (!search.Any(char.IsAsciiLetter))
        {
            // Chinese and other text without Latin letters: no lower() per row, which halves the scan.
            return members.Where(m => m.Nickname.Contains(search) || (m.RemarkName != null && m.RemarkName.Contains(search)));
        }
        var lowered = search.ToLowerInvariant();
        return members.Where(m => m.Nickname.ToLower().Contains(lowered) || (m.RemarkName != null && m.RemarkName.ToLower().Contains(lowered)));
    }

    private static int[] Distinct(IReadOnlyList<int>? ids) => ids is null ? [] : [.. ids.Distinct()];
}
