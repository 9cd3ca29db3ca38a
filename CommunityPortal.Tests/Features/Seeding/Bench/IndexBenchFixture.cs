using CommunityPortal.Data;
using CommunityPortal.Features.Seeding;
using CommunityPortal.Infrastructure.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Seeding.Bench;

/// <summary>The test database with the seeding commands, as the app registers them.</summary>
public sealed class SeedingDatabase : PortalDatabase
{
    protected override void Register(IServiceCollection services, IConfiguration configuration)
    {
        base.Register(services, configuration);
        services.AddSeeding();
    }
}

/// <summary>
/// One small index bench, seeded once for the class: 2,000 members over the 30 days up to yesterday (team time zone),
/// through the admin CLI as an operator runs it.
/// </summary>
public sealed class IndexBenchFixture : IAsyncLifetime
{
    public const string Collection = "index bench";

    public const int Members = 2000;
    public const int Days = 30;

    public SeedingDatabase Database { get; } = new();

    public static DateOnly Until { get; } = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow)).AddDays(-1);

    /// <summary>The window's end: the team's midnight after <see cref="Until"/>, in UTC.</summary>
    public static DateTime End { get; } = PortalTime.ToUtc(Until.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static DateTime Start { get; } = End.AddDays(-Days);

    public (int Code, string Output, string Error) Seeded { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Seeded = await RunAsync("seed-bench-indices", "--members", $"{Members}", "--days", $"{Days}", "--until", Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public PortalDbContext CreateDbContext() => Database.CreateDbContext();

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AdminCli.RunAsync(Database.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

[CollectionDefinition(IndexBenchFixture.Collection)]
public sealed class IndexBenchCollection : ICollectionFixture<IndexBenchFixture>;
