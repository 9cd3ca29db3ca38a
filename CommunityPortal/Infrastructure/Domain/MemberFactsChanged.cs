namespace CommunityPortal.Infrastructure.Domain;

/// <summary>
/// Some of these members' stored facts (activity, purchases, check-ins, service records, scans linked to them)
/// changed without an event of their own; a reader keeping figures about members reads theirs again.
/// </summary>
public sealed record MemberFactsChanged(IReadOnlyCollection<int> MemberIds) : IDomainEvent;
