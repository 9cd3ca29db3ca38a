using CommunityPortal.Data;
using CommunityPortal.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Data;

public sealed class MigrationSchemaTests
{
    [Fact]
    public async Task MigratedSchema_EqualsEnsureCreatedSchema()
    {
        var migrated = await SchemaOf(async db => await db.Database.MigrateAsync());
        var created = await SchemaOf(async db => await db.Database.EnsureCreatedAsync());

        Assert.Equal(created, migrated);
    }

    [Fact]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        // A model change needs `dotnet ef migrations add` (README); Migrate() at start-up would refuse it too.
        await using var db = CreateContext("Data Source=:memory:");

        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the SQLite model snapshot: add a migration (README, 'Adding a migration').");
    }

    [Fact]
    public async Task Schema_NamesColumnsKeysForeignKeysAndIndexFilters()
    {
        var schema = await SchemaOf(async db => await db.Database.EnsureCreatedAsync());

        Assert.Contains("GroupQrs: column Payload TEXT NOT NULL default - pk 0", schema);
        Assert.Contains("GroupQrs: autoincrement", schema);
        Assert.Contains("GroupQrs: foreign key (GroupId) -> Groups(Id) on update NO ACTION on delete CASCADE match NONE", schema);
        Assert.Contains("GroupQrs: index IX_GroupQrs_Current unique c (GroupId BINARY) where \"ReplacedAt\" IS NULL", schema);
    }

    [Fact]
    public async Task Migrate_OnAnExistingDatabase_IsANoOp()
    {
        await using var database = new PortalDatabase();
        await database.InitializeAsync();
        await database.Services.MigrateDatabaseAsync();
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await database.DisposeAsync();
    }

    private static SqlitePortalDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseRegistration.Configure(options, connectionString);
        return new SqlitePortalDbContext(options.Options);
    }

    /// <summary>Every table, column (type, nullability, key), foreign key and index, normalised so only real differences count.</summary>
    private static async Task<IReadOnlyList<string>> SchemaOf(Func<PortalDbContext, Task> create)
    {
        var path = Path.Combine(Path.GetTempPath(), "cp-tests", $"schema-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using (var db = CreateContext($"Data Source={path}"))
            {
                await create(db);
            }
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            return await SqliteSchema.DescribeAsync(connection);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
