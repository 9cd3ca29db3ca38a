using System.Data.Common;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPortal.Data;

/// <summary>
/// The one model, provider-neutral (docs/adr/003). Entity configurations live beside their feature
/// (ApplyConfigurationsFromAssembly). Features depend on this type only; each database provider has a sealed
/// subclass (<see cref="SqlitePortalDbContext"/>) that owns that provider's migration set (docs/adr/024).
/// Domain events raised on entities are published after the commit: right after SaveChanges when no
/// explicit transaction is open, otherwise when that transaction commits (see DomainEventTransactionInterceptor).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, IDomainEventPublisher? publisher)
    : IdentityDbContext<ApplicationUser>(options)
{
    private readonly List<IDomainEvent> _pendingEvents = [];

    // The transaction the pending events were saved in. They are published when it commits; if it ends any other way
    // (rolled back, or disposed without a commit) the changes never happened and neither did the events.
    private DbTransaction? _pendingTransaction;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is written as UTC; read it back as UTC (SQLite keeps no kind), so the API says "Z"
        // and pages convert to local time correctly.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var events = BeforeSave();
        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterSave(events);
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var events = BeforeSave();
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AfterSave(events);
        return result;
    }

    /// <summary>
    /// Publishes an event that belongs to no tracked entity (rows written by a prepared INSERT): when the open
    /// transaction commits, or at once when none is open. Call it after the change is written.
    /// </summary>
    public void PublishAfterCommit(IDomainEvent domainEvent)
    {
        var transaction = Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is null)
        {
            publisher?.Publish([domainEvent]);
            return;
        }
        if (!ReferenceEquals(transaction, _pendingTransaction))
        {
            DiscardPendingEvents();
            _pendingTransaction = transaction;
        }
        _pendingEvents.Add(domainEvent);
    }

    internal void PublishPendingEvents(DbTransaction committed)
    {
        if (!ReferenceEquals(committed, _pendingTransaction))
        {
            DiscardPendingEvents();
            return;
        }
        PublishPendingEvents();
    }

    private void PublishPendingEvents()
    {
        if (_pendingEvents.Count == 0)
        {
            return;
        }
        var events = _pendingEvents.ToArray();
        DiscardPendingEvents();
        publisher?.Publish(events);
    }

    internal void DiscardPendingEvents()
    {
        _pendingEvents.Clear();
        _pendingTransaction = null;
    }

    private List<IDomainEvent> BeforeSave()
    {
        var now = DateTime.UtcNow;
        var events = new List<IDomainEvent>();
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.Version++;
                    break;
            }
            events.AddRange(entry.Entity.DomainEvents);
        }
        return events;
    }

    private void AfterSave(List<IDomainEvent> events)
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            entry.Entity.ClearDomainEvents();
        }
        var transaction = Database.CurrentTransaction?.GetDbTransaction();
        if (!ReferenceEquals(transaction, _pendingTransaction))
        {
            DiscardPendingEvents();
        }
        _pendingTransaction = transaction;
        _pendingEvents.AddRange(events);
        if (transaction is null)
        {
            PublishPendingEvents();
        }
    }
}
