using CommunityPortal.Infrastructure.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Data;

/// <summary>
/// The portal on SQLite. It adds nothing to the model: it exists so that the migrations in Migrations/Sqlite
/// (<c>[DbContext(typeof(SqlitePortalDbContext))]</c>) belong to SQLite alone, and another provider's context can
/// own its own set beside them (docs/adr/024).
/// </summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, IDomainEventPublisher? publisher = null)
    : PortalDbContext(options, publisher);
