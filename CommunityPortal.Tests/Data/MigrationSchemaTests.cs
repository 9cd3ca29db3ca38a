using CommunityPortal.Data;
using CommunityPortal.Tests.Infrastructure;
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
    public async Task Migrate_OnAnExistingDatabase_IsANoOp()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await database.Services.MigrateDatabaseAsync();
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await database.DisposeAsync();
    }

    /// <summary>Every table, column (type, nullability, key) and index, normalised so only real differences count.</summary>
    private static async Task<string> SchemaOf(Func<PortalDbContext, Task> create)
    {
        var path = Path.Combine(Path.GetTempPath(), "cp-tests", $"schema-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = DatabaseRegistration.Configure(new DbContextOptionsBuilder<PortalDbContext>(), $"Data Source={path}").Options;
        try
        {
            await using (var db = new PortalDbContext((DbContextOptions<PortalDbContext>)options))
            {
                await create(db);
            }
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            var lines = new List<string>();
            var tables = new List<string>();
            await using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' ORDER BY name";
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            foreach (var table in tables)
            {
                lines.Add(await Rows(connection, $"SELECT '{table}', name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}') ORDER BY name"));
                lines.Add(await Rows(connection, $"SELECT '{table}', \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""));
                lines.Add(await Rows(connection, $"SELECT '{table}', il.name, il.\"unique\", group_concat(ii.name) FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii GROUP BY il.name ORDER BY il.name"));
            }
            return string.Join('\n', lines);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task<string> Rows(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
        }
        return string.Join('\n', rows);
    }
}
