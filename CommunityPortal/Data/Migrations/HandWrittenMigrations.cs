using System.Reflection;
using CommunityPortal.Data.Migrations.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPortal.Data.Migrations;

/// <summary>
/// Takes over a SQLite database made by the release before docs/adr/024, whose history lists the hand-written
/// migrations (their classes are gone). The generated <see cref="Baseline"/> creates exactly the schema they made,
/// so such a database is recorded as being at Baseline, after its schema has been compared with Baseline's; rows
/// are never touched. Anything else that has tables but no history we know is refused unchanged, with the reason.
/// </summary>
internal static class HandWrittenMigrations
{
    /// <summary>The release's hand-written set, in order: a database made by it lists all of them.</summary>
    internal static readonly string[] Ids =
    [
        "20261122120000_Initial", "20261122130000_GroupQrs", "20261122140000_LiveCodes", "20261122160000_Members",
        "20261122170000_Segments", "20261122171000_Signups", "20261122172000_EventReceipts", "20261122180000_ScanMembers",
    ];

    internal static string BaselineId { get; } = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    public static async Task AdoptAsync(SqlitePortalDbContext db, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        // IMMEDIATE (Microsoft.Data.Sqlite's default): a second instance starting at once waits, then finds Baseline.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var applied = await history.ExistsAsync(ct)
            ? (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToList()
            : [];
        if (applied.Any(known.Contains))
        {
            return;
        }
        if (applied.Count == 0)
        {
            await RefuseForeignTablesAsync(db, ct);
            return;
        }
        var unknown = applied.Except(Ids, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw Refused(db, $"its migration history lists {string.Join(", ", unknown)}, which this build does not know " +
                "(was it made by a newer or unreleased build?)");
        }
        if (applied.Count < Ids.Length)
        {
            throw Refused(db, $"its history ends at {applied.Max(StringComparer.Ordinal)}: it was made by a build older than the " +
                $"release, whose hand-written migrations end at {Ids[^1]}. Open it once with that release, then start this one");
        }
        var differences = SqliteSchema.Differences(await BaselineSchemaAsync(ct), await SqliteSchema.DescribeAsync(db.Database.GetDbConnection(), ct));
        if (differences.Count > 0)
        {
            throw Refused(db, $"its history lists the release's hand-written migrations, but its schema is not theirs " +
                $"({differences.Count} difference{(differences.Count == 1 ? "" : "s")}: {string.Join("; ", differences.Take(5))}). Repair it or restore a backup");
        }
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(BaselineId, ProductInfo.GetVersion())), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The schema Baseline creates, built in a throw-away in-memory database.</summary>
    internal static async Task<IReadOnlyList<string>> BaselineSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options;
        await using (var scratch = new SqlitePortalDbContext(options))
        {
            await scratch.Database.MigrateAsync(BaselineId, ct);
        }
        return await SqliteSchema.DescribeAsync(connection, ct);
    }

    /// <summary>An empty file is a new database; tables without a history were not made by the portal.</summary>
    private static async Task RefuseForeignTablesAsync(SqlitePortalDbContext db, CancellationToken ct)
    {
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND substr(name, 1, 4) <> '__EF' ORDER BY name")
            .ToListAsync(ct);
        if (tables.Count > 0)
        {
            throw Refused(db, $"it has tables ({string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? " …" : "")}) but no migration " +
                "history, so the portal did not make it. Point ConnectionStrings:Portal at the portal's database or at a new file");
        }
    }

    // English, like EF's own errors: the reader is whoever runs the server.
    private static DatabaseUpgradeRefusedException Refused(SqlitePortalDbContext db, string reason) =>
        new($"Refusing to upgrade the database {db.Database.GetDbConnection().DataSource}: {reason}. Nothing was changed.");
}
