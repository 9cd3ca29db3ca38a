using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Infrastructure;

/// <summary>
/// A real SQLite file per fixture, migrated with the app's own migrations, and the services a feature registers over it
/// (no web host). Published domain events are collected; hosted services start only when a test asks. Each feature's
/// test database is a subclass naming what it registers.
/// </summary>
public abstract class SqliteTestDatabase(string prefix) : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"{prefix}{Guid.NewGuid():N}.db");
    private readonly List<IHostedService> _started = [];

    public ServiceProvider Services { get; private set; } = default!;

    public string ConnectionString => $"Data Source={_path}";

    public List<IDomainEvent> PublishedEvents { get; } = [];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PortalDbContext CreateDbContext() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>The feature services over the database (the database, localization and logging are there already).</summary>
    protected abstract void Register(IServiceCollection services, IConfiguration configuration);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        Register(services, configuration);
        Services = services.BuildServiceProvider();
        Services.GetRequiredService<DomainEventBus>().Subscribe(e =>
        {
            lock (PublishedEvents)
            {
                PublishedEvents.Add(e);
            }
        });
        await Services.MigrateDatabaseAsync();
    }

    /// <summary>Starts the hosted services (scan writer, routing loader, monitors …), as the host would.</summary>
    public async Task StartHostedServicesAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    public IReadOnlyList<T> Published<T>()
    {
        lock (PublishedEvents)
        {
            return [.. PublishedEvents.OfType<T>()];
        }
    }

    public async Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class
    {
        await using var db = CreateDbContext();
        var set = db.Set<T>().AsQueryable();
        return await (where is null ? set : where(set)).CountAsync();
    }

    /// <summary>Runs SQL on its own connection (e.g. a trigger that makes a later write fail).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _started)
        {
            await service.StopAsync(CancellationToken.None);
        }
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
