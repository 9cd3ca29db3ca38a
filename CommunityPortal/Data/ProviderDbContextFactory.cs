using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Data;

/// <summary>
/// Features ask for <c>IDbContextFactory&lt;PortalDbContext&gt;</c>; the configured provider's context answers
/// (the factory interface is not covariant, so this forwards).
/// </summary>
internal sealed class ProviderDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
