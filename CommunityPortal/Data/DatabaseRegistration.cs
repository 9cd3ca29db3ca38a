using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Portal";
    /// <summary>
    /// SQLite by default: portal.db in the data folder (<see cref="PortalDataPath"/>), created on first run.
    /// Connection string ConnectionStrings:Portal (env ConnectionStrings__Portal) names another.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = PortalDataPath.DefaultConnectionString(configuration);
        }
        connectionString = PrepareSqlite(connectionString);

        services.AddSingleton<DomainEventBus>();
        services.AddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<DomainEventBus>());
        services.AddDbContextFactory<SqlitePortalDbContext>(options => Configure(options, connectionString));
        // Features and Identity's stores ask for the provider-neutral type.
        services.AddSingleton<IDbContextFactory<PortalDbContext>, ProviderDbContextFactory<SqlitePortalDbContext>>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
        return services;
    }

    /// <summary>Options shared by the app and the tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString)
        .AddInterceptors(new DomainEventTransactionInterceptor());

    /// <summary>Creates the folder of the database file, so the first run needs nothing but the binary.</summary>
    internal static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && builder.Mode != SqliteOpenMode.Memory && !path.StartsWith(':'))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        // Writers wait for each other instead of failing at once with SQLITE_BUSY.
        if (!connectionString.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }
        return builder.ToString();
    }

    /// <summary>
    /// Applies the provider's migrations (a database made by the hand-written release set is taken over first, or
    /// refused untouched) and switches the file to WAL (kept by the file from then on).
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db is SqlitePortalDbContext sqlite)
        {
            await HandWrittenMigrations.AdoptAsync(sqlite, ct);
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
