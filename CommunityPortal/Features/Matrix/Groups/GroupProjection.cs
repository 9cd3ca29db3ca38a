
namespace CommunityPortal.Features.Matrix.Groups;

internal static class GroupProjection
{
    public static IQueryable<GroupDto> Project(IQueryable<Group> query) =>
        query.Select(g => new GroupDto(
            g.Id,
            g.Name,
            g.ActivityId,
            g.Activity != null ? g.Activity.Name : null,
            g.Tier,
            g.Lifetime,
            g.Owner != null ? g.Owner.Email : null,
            g.Owner != null ? (g.Owner.DisplayName ?? g.Owner.Email) : null,
            g.Capacity,
            g.MemberCount,
            g.Status,
            g.Rules,
            g.Announcement,
            g.WelcomeMessage,
            g.Labels,
            g.Version,
            g.CreatedAt,
            g.UpdatedAt,
            // Same rule as Group.CanBeDeleted(), in SQL.
            g.MemberCount == 0 && g.Status == GroupStatus.Planned && g.OpenedAt == null));
}
