using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Infrastructure;

/// <summary>
/// A real SQLite file per test class, migrated with the app's own migrations, and the app's services over it.
/// Tests talk to services exactly as pages do.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"{Guid.NewGuid():N}.db");

    public ServiceProvider Services { get; private set; } = default!;

    public string ConnectionString => $"Data Source={_path}";

    public List<IDomainEvent> PublishedEvents { get; } = [];

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

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
