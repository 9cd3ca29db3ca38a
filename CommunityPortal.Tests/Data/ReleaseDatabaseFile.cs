using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Users;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Data;

/// <summary>
/// A SQLite file made exactly as the release before ADR 024 made one: its hand-written migrations' SQL
/// (Release/hand-written-migrations.sql), optionally only the first few of them, and optionally rows in every table
/// (Release/release-rows.sql). <see cref="StartUpAsync"/> then runs what the app runs at start-up over it.
/// </summary>
public sealed class ReleaseDatabaseFile : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"release-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    /// <param name="migrations">How many of the 8 hand-written migrations ran (a build older than the release ran fewer).</param>
    public static async Task<ReleaseDatabaseFile> CreateAsync(bool withRows = true, int migrations = 8)
    {
        var file = new ReleaseDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file._path)!);
        // The script wraps each migration in BEGIN TRANSACTION … COMMIT; after the last one EF's lock table is made.
        var chunks = Resource("hand-written-migrations.sql").Split("COMMIT;");
        var script = string.Concat(chunks.Take(migrations).Select(chunk => chunk + "COMMIT;")) + (migrations == chunks.Length - 1 ? chunks[^1] : "");
        if (script.Length > 0)
        {
            await file.ExecuteAsync(script);
        }
        if (withRows)
        {
            await file.ExecuteAsync(Resource("release-rows.sql"));
        }
        return file;
    }

    /// <summary>The app's start-up over this file: migrations (Program.cs), then the roles; the services stay for reading.</summary>
    public async Task<ServiceProvider> StartUpAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddUsers();
        var provider = services.BuildServiceProvider();
        try
        {
            await provider.MigrateDatabaseAsync();
            await provider.EnsureRolesAsync();
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The portal's tables (not EF's) and their columns, as the file has them now.</summary>
    public async Task<Dictionary<string, string[]>> TablesAsync()
    {
        var tables = await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND substr(name, 1, 4) <> '__EF'");
        var result = new Dictionary<string, string[]>();
        foreach (var table in tables)
        {
            result[table] = [.. await QueryAsync($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid")];
        }
        return result;
    }

    /// <summary>Every row of the given columns as SQL literals (type included: 1 and '1' differ), in rowid order.</summary>
    public async Task<List<string>> RowsAsync(string table, IEnumerable<string> columns) =>
        await QueryAsync($"SELECT {string.Join(" || ' | ' || ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" ORDER BY rowid");

    /// <summary>Everything in the file: schema, EF's history, every row and the autoincrement counters.</summary>
    public async Task<string> DumpAsync()
    {
        var lines = await QueryAsync("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
        foreach (var table in await QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            var columns = await QueryAsync($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");
            lines.AddRange((await RowsAsync(table, columns)).Select(row => $"{table}: {row}"));
        }
        return string.Join('\n', lines);
    }

    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "NULL" : reader.GetString(0));
        }
        return values;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
        return ValueTask.CompletedTask;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReleaseDatabaseFile).Assembly.GetManifestResourceStream("Release." + name)
            ?? throw new InvalidOperationException($"Embedded resource Release.{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
