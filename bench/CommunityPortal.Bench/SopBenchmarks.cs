using BenchmarkDotNet.Attributes;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Bench;

/// <summary>
/// Issue 10's targets: materialising 14 days of tasks for 500 groups × 3 plans (about 40,000 tasks) takes seconds, and
/// one operator's month view (50 groups) loads in under 300 ms — each as a ratio to reading one task by id in the same run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class SopBenchmarks
{
    private const int Groups = 500;
    private const int Operators = 10;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cp-bench-sop-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = default!;
    private SopMaterializer _materializer = default!;
    private SopTaskReader _reader = default!;
    private string _operator = "";
    private int _someTask;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={_path}" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddPublicAddress();
        services.AddMatrix();
        services.AddSop();
        _services = services.BuildServiceProvider();
        await _services.MigrateDatabaseAsync();
        _materializer = _services.GetRequiredService<SopMaterializer>();
        _reader = _services.GetRequiredService<SopTaskReader>();

        await using (var db = await _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var users = Enumerable.Range(1, Operators).Select(i => new ApplicationUser
            {
                Id = $"op-{i}", UserName = $"op{i}@example.cn", Email = $"op{i}@example.cn", NormalizedEmail = $"OP{i}@EXAMPLE.CN",
                NormalizedUserName = $"OP{i}@EXAMPLE.CN", DisplayName = $"运营{i}",
            }).ToList();
            db.AddRange(users);
            db.AddRange(Enumerable.Range(1, Groups).Select(i => new Group { Name = $"社群{i}", OwnerId = users[i % Operators].Id, Status = GroupStatus.Open }));
            await db.SaveChangesAsync();
        }
        _operator = "op-1";
        var plans = _services.GetRequiredService<SopPlanService>();
        var assignments = _services.GetRequiredService<SopAssignmentService>();
        var groupIds = Enumerable.Range(1, Groups).ToList();
        foreach (var n in Enumerable.Range(1, 3))
        {
            var plan = await plans.CreateAsync(new SopPlanInput
            {
                Name = $"日常{n}", Kind = SopPlanKind.Daily,
                Steps = [Step("08:30", "早安 {group}"), Step("20:00", "晚安 {group}，{date}")],
            }, null);
            await assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = groupIds }, null);
        }
        await using (var db = await _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var count = await db.Set<SopTask>().CountAsync();
            _someTask = await db.Set<SopTask>().OrderBy(t => t.Id).Skip(count / 2).Select(t => t.Id).FirstAsync();
            Console.WriteLine($"// {count:N0} tasks for {Groups} groups x 3 plans");
        }
    }

    private static SopStepInput Step(string time, string content) => new() { Time = time, Title = content, Content = content };

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "task by id")]
    public Task<SopTaskDto?> TaskById() => _reader.FindAsync(_someTask);

    [Benchmark(Description = "month view, one operator (50 groups)")]
    public Task<IReadOnlyList<SopTaskDto>> MonthView()
    {
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        var first = new DateOnly(today.Year, today.Month, 1);
        var from = PortalTime.ToUtc(first.AddDays(-7).ToDateTime(TimeOnly.MinValue));
        var to = PortalTime.ToUtc(first.AddMonths(1).AddDays(14).ToDateTime(TimeOnly.MinValue));
        return _reader.ListAsync(new SopTaskQuery(from, to) { Assignee = _operator });
    }

    [IterationSetup(Target = nameof(Materialise))]
    public void ForgetTasks()
    {
        using var db = _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        db.Set<SopTask>().ExecuteDelete();
    }

    [Benchmark(Description = "materialise 14 days, 500 groups x 3 plans")]
    public Task<SopMaterializeResult> Materialise() => _materializer.RunAsync(SopScope.All);
}
