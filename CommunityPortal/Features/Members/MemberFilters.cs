using CommunityPortal.Common;
using CommunityPortal.Data;

namespace CommunityPortal.Features.Members;

/// <summary>
/// The member list's criteria as SQL. Tag and group criteria are <c>Id IN (SELECT MemberId …)</c> subqueries that read
/// the (TagId, MemberId) and open-membership (GroupId, MemberId) indexes, so a filter over 200,000 members touches only
/// the members it names.
/// </summary>
internal static class MemberFilters
{
    public static IQueryable<Member> Apply(PortalDbContext db, IQueryable<Member> members, MemberFilter filter)
    {
        foreach (var tagId in Distinct(filter.TagsAllOf))
        {
            members = members.Where(m => db.Set<MemberTag>().Where(t => t.TagId == tagId).Select(t => t.MemberId).Contains(m.Id));
        }
        if (Distinct(filter.TagsAnyOf) is { Length: > 0 } anyOf)
        {
            members = members.Where(m => db.Set<MemberTag>().Where(t => anyOf.Contains(t.TagId)).Select(t => t.MemberId).Contains(m.Id));
        }
        if (Distinct(filter.TagsNoneOf) is { Length: > 0 } noneOf)
        {
            members = members.Where(m => !db.Set<MemberTag>().Where(t => noneOf.Contains(t.TagId)).Select(t => t.MemberId).Contains(m.Id));
        }
        if (filter.GroupId is { } groupId)
        {
            members = members.Where(m => db.Set<GroupMembership>().Where(g => g.GroupId == groupId && g.LeftAt == null).Select(g => g.MemberId).Contains(m.Id));
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
            members = Search(members, search);
        }
        return members;
    }

    /// <summary>
    /// A phone number finds its owner; digits find a MemberNo, or the last digits of a phone (尾号), or a nickname with
    /// those digits; a UnionID finds its owner; anything else is part of a nickname or remark name, case-insensitive.
    /// </summary>
    private static IQueryable<Member> Search(IQueryable<Member> members, string search)
    {
        if (MemberRules.NormalizePhone(search) is { } phone)
        {
            return members.Where(m => m.Phone == phone);
        }
        var lowered = search.ToLowerInvariant();
        if (search.All(char.IsAsciiDigit) && search.Length <= 9 && int.TryParse(search, out var number))
        {
            return search.Length >= 4
                ? members.Where(m => m.MemberNo == number || m.Phone!.EndsWith(search) || m.Nickname.Contains(search))
                : members.Where(m => m.MemberNo == number || m.Nickname.Contains(search));
        }
        if (MemberRules.IsUnionId(search))
        {
            return members.Where(m => m.UnionId == search || m.Nickname.ToLower().Contains(lowered));
        }
        return members.Where(m => m.Nickname.ToLower().Contains(lowered) || (m.RemarkName != null && m.RemarkName.ToLower().Contains(lowered)));
    }

    private static int[] Distinct(IReadOnlyList<int>? ids) => ids is null ? [] : [.. ids.Distinct()];
}
