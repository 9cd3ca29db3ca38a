using System.ComponentModel.DataAnnotations.Schema;

namespace CommunityPortal.Infrastructure.Domain;

/// <summary>
/// Base for aggregates: an integer key, a concurrency version bumped on every save, audit times,
/// and domain events that the DbContext publishes only after the commit.
/// </summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public int Id { get; set; }

    /// <summary>Concurrency token: a second save based on an old version is refused.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    [NotMapped]
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
