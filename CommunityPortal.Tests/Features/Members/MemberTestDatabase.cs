using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>A migrated SQLite file with the matrix, live-code and member services; published events are collected.</summary>
public sealed class MemberTestDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"mb-{Guid.NewGuid():N}.db");
    private readonly List<IHostedService> _started = [];

    public ServiceProvider Services { get; private set; } = default!;

    public List<IDomainEvent> PublishedEvents { get; } = [];

    public string ConnectionString => $"Data Source={_path}";

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PortalDbContext CreateDbContext() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

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
        services.AddMatrix();
        services.AddLiveCodes();
        services.AddMembers();
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

    /// <summary>Starts live-code routing (its loader and event subscription), as the host would.</summary>
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
