using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Posters;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Users;
using CommunityPortal.Features.Visitors;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Support;

/// <summary>
/// The one test database: a real SQLite file per fixture, migrated with the app's own migrations, with every feature's
/// services registered over it as the app's AddPortal does (without the web host), and the roles made. Published domain
/// events are collected; hosted services (scan writer, routing loader, event handlers, monitors) start only when a test asks.
/// </summary>
public class PortalDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"db-{Guid.NewGuid():N}.db");
    private readonly List<IHostedService> _started = [];

    public ServiceProvider Services { get; private set; } = default!;

    public string ConnectionString => $"Data Source={_path}";

    public List<IDomainEvent> PublishedEvents { get; } = [];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PortalDbContext CreateDbContext() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>Every feature, as the app registers them (minus the web: pages, API plumbing, health).</summary>
    public static void AddFeatures(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection();
        services.AddUsers();
        services.AddApiKeys();
        services.AddMatrix();
        services.AddGroupQrs();
        services.AddRendering(configuration);
        services.AddLiveCodes();
        services.AddPosters();
        services.AddMembers();
        services.AddSignups();
        services.AddVisitors();
        services.AddPublicAddress();
        services.AddSop();
    }

    /// <summary>The services over the database; a test that needs a replacement (or less) overrides this.</summary>
    protected virtual void Register(IServiceCollection services, IConfiguration configuration) => AddFeatures(services, configuration);

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
        await Services.EnsureRolesAsync();
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
