using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Matrix;

public sealed record ThemeChanged(int ThemeId, ChangeKind Kind) : IDomainEvent;

public sealed record SeriesChanged(int SeriesId, int ThemeId, ChangeKind Kind) : IDomainEvent;

public sealed record ActivityChanged(int ActivityId, int SeriesId, ChangeKind Kind) : IDomainEvent;

public sealed record GroupCreated(int GroupId, int? ActivityId, GroupTier Tier, int Capacity, int MemberCount) : IDomainEvent;

public sealed record GroupUpdated(int GroupId) : IDomainEvent;

public sealed record GroupMemberCountChanged(int GroupId, int? ActivityId, int OldCount, int NewCount) : IDomainEvent;

public sealed record GroupStatusChanged(int GroupId, GroupStatus OldStatus, GroupStatus NewStatus) : IDomainEvent;

public sealed record GroupDeleted(int GroupId, int? ActivityId) : IDomainEvent;

public enum ChangeKind
{
    Created,
    Updated,
    Archived,
    Deleted,
}
