using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Features.Signups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>A migrated SQLite file with the matrix, live-code, member and sign-up services; published events are collected.</summary>
public sealed class SignupTestDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"su-{Guid.NewGuid():N}.db");

    public ServiceProvider Services { get; private set; } = default!;

    public List<IDomainEvent> PublishedEvents { get; } = [];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PortalDbContext CreateDbContext() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={_path}" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddDataProtection();
        services.AddMatrix();
        services.AddRendering(configuration);
        services.AddLiveCodes();
        services.AddMembers();
        services.AddSignups();
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

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
