using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityPortal.Data;

/// <summary>Publishes events saved inside an explicit transaction only once that transaction commits.</summary>
internal sealed class DomainEventTransactionInterceptor : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        (eventData.Context as PortalDbContext)?.PublishPendingEvents(transaction);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.PublishPendingEvents(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        (eventData.Context as PortalDbContext)?.DiscardPendingEvents();
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as PortalDbContext)?.DiscardPendingEvents();
        return Task.CompletedTask;
    }
}
