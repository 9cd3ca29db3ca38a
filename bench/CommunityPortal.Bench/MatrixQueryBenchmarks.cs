using BenchmarkDotNet.Attributes;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.Tree;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Bench;

/// <summary>
/// The groups grid and the matrix tree over a large matrix (20 themes × 5 series × 10 periods × 20 groups = 20,000
/// groups), each as a ratio to a primary-key lookup of one group measured in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class MatrixQueryBenchmarks
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cp-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = default!;
    private GroupService _groups = default!;
    private GroupQueryService _query = default!;
    private MatrixTreeService _tree = default!;
    private int _someGroupId;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={_path}" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddMatrix();
        _services = services.BuildServiceProvider();
        _services.MigrateDatabaseAsync().GetAwaiter().GetResult();
        Seed(_services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        _groups = _services.GetRequiredService<GroupService>();
        _query = _services.GetRequiredService<GroupQueryService>();
        _tree = _services.GetRequiredService<MatrixTreeService>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "group by id")]
    public Task<GroupDto> GroupById() => _groups.GetAsync(_someGroupId);

    [Benchmark(Description = "grid page: tier+status filter, sort by members")]
    public Task GridPageFiltered() => _query.QueryAsync(new GroupQuery
    {
        Tier = GroupTier.Welfare, Status = GroupStatus.Open, SortBy = "memberCount", Descending = true, Skip = 200, Take = 20,
    });

    [Benchmark(Description = "grid page: label filter + name search")]
    public Task GridPageLabelSearch() => _query.QueryAsync(new GroupQuery { Label = "上海", Search = "福利", Take = 20 });

    [Benchmark(Description = "matrix tree (all 20,000 groups)")]
    public Task WholeTree() => _tree.GetAsync();

    private void Seed(IDbContextFactory<PortalDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var cities = new[] { "上海", "北京", "广州", "深圳", "杭州" };
        var tiers = Enum.GetValues<GroupTier>();
        var today = DateOnly.FromDateTime(DateTime.Today);
        for (var t = 1; t <= 20; t++)
        {
            var theme = new Theme { Name = $"主题{t}" };
            for (var s = 1; s <= 5; s++)
            {
                var series = new Series { Name = $"系列{t}-{s}" };
                theme.Series.Add(series);
                for (var p = 1; p <= 10; p++)
                {
                    var activity = new Activity { PeriodNo = p, Name = $"系列{t}-{s} 第{p}期", StartDate = today.AddDays(7 * p), EndDate = today.AddDays(7 * p + 6) };
                    series.Activities.Add(activity);
                    for (var g = 1; g <= 20; g++)
                    {
                        var tier = tiers[g % tiers.Length];
                        activity.Groups.Add(new Group
                        {
                            Name = $"{p}期-{(tier == GroupTier.Welfare ? "福利" : "核心")}{g}群",
                            Tier = tier,
                            Capacity = 200,
                            MemberCount = (g * 37 + p * 11) % 200,
                            Status = g % 4 == 0 ? GroupStatus.Full : GroupStatus.Open,
                            Labels = [cities[(g + p) % cities.Length]],
                        });
                    }
                }
            }
            db.Add(theme);
            db.SaveChanges();
            db.ChangeTracker.Clear();
        }
        _someGroupId = db.Set<Group>().OrderBy(g => g.Id).Skip(10_000).Select(g => g.Id).First();
    }
}
