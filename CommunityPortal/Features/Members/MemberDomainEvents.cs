using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Members;

// Published after the commit (docs/adr/005): the live indices (daily new members, joins and leaves) will listen here.

public sealed record MemberCreated(int MemberId, int MemberNo, int? FirstChannelId) : IDomainEvent;

public sealed record MemberDeleted(int MemberId, int MemberNo) : IDomainEvent;

public sealed record MemberStatusChanged(int MemberId, MemberStatus OldStatus, MemberStatus NewStatus) : IDomainEvent;

public sealed record MemberJoinedGroup(int MemberId, int GroupId, DateTime At) : IDomainEvent;

public sealed record MemberLeftGroup(int MemberId, int GroupId, DateTime At) : IDomainEvent;
