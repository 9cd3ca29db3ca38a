using BenchmarkDotNet.Attributes;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Seeding.Demo;
using CommunityPortal.Features.Members.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Bench;

/// <summary>
/// POST /api/v1/events' work (MemberEventIngestService) for full batches of 1,000 events, on a copy of the demo
/// database, as a ratio to a batch of one event measured in the same run. Every iteration sends new client event ids;
/// joins go to fresh members and fresh groups, so each one is a real join (record, member count, behaviour tag).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class EventBatchBenchmarks
{
    private const int BatchSize = 1000;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cp-bench-events-{Guid.NewGuid():N}.db");
    private readonly MemberActor _sender = new("apikey:bench", "bench");
    private ServiceProvider _services = default!;
    private MemberEventIngestService _events = default!;
    private GroupService _groups = default!;
    private int[] _memberNos = [];
    private int _nextMember;
    private EventInput[] _batch = [];
    private EventInput[] _sent = [];

    [GlobalSetup]
    public void Setup()
    {
        File.Copy(BenchDatabases.DemoMembers(BenchDatabases.MemberCount), _path);
        _services = BenchDatabases.Services(_path);
        _events = _services.GetRequiredService<MemberEventIngestService>();
        _groups = _services.GetRequiredService<GroupService>();
        using var db = _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        _memberNos = [.. db.Set<Member>().OrderBy(m => m.MemberNo).Select(m => m.MemberNo)];
        _sent = Activity(BatchSize);
        _events.ApplyAsync(_sent, _sender).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [IterationSetup(Target = nameof(OneEvent))]
    public void OneEventSetup() => _batch = Activity(1);

    [IterationSetup(Target = nameof(ActivityAndPurchases))]
    public void ActivitySetup() => _batch = Activity(BatchSize);

    [IterationSetup(Target = nameof(Joins))]
    public void JoinsSetup() => _batch = Joins(BatchSize);

    [IterationSetup(Target = nameof(Mixed))]
    public void MixedSetup() => _batch = [.. Joins(BatchSize / 2), .. Activity(BatchSize / 2)];

    // Nothing to prepare: the batch sent in GlobalSetup again. Declared so that every case runs one invocation per iteration.
    [IterationSetup(Target = nameof(Resent))]
    public void ResentSetup()
    {
    }

    [Benchmark(Baseline = true, Description = "1 event")]
    public Task<EventBatchResult> OneEvent() => _events.ApplyAsync(_batch, _sender);

    [Benchmark(Description = "1,000 active/purchased")]
    public Task<EventBatchResult> ActivityAndPurchases() => _events.ApplyAsync(_batch, _sender);

    [Benchmark(Description = "1,000 joins (4 groups)")]
    public Task<EventBatchResult> Joins() => _events.ApplyAsync(_batch, _sender);

    [Benchmark(Description = "500 joins + 500 active")]
    public Task<EventBatchResult> Mixed() => _events.ApplyAsync(_batch, _sender);

    [Benchmark(Description = "1,000 re-sent (duplicates)")]
    public Task<EventBatchResult> Resent() => _events.ApplyAsync(_sent, _sender);

    private EventInput[] Activity(int count)
    {
        var at = DateTime.UtcNow.AddMinutes(-1).ToString("O");
        return [.. Enumerable.Range(0, count).Select(i => new EventInput
        {
            Index = i, ClientEventId = Guid.NewGuid().ToString("N"), Type = i % 4 == 0 ? "purchased" : "active", Subtype = "message",
            Amount = 19.9m, At = at, MemberNo = NextMember(),
        })];
    }

    private EventInput[] Joins(int count)
    {
        var groups = Enumerable.Range(0, (count + Group.MaxCapacity - 1) / Group.MaxCapacity * 2)
            .Select(_ => _groups.CreateAsync(new GroupInput
            {
                Name = $"压测群{Guid.NewGuid():N}"[..12], Status = GroupStatus.Open, Capacity = Group.MaxCapacity,
            }).GetAwaiter().GetResult().Id)
            .ToArray();
        var at = DateTime.UtcNow.AddMinutes(-1).ToString("O");
        return [.. Enumerable.Range(0, count).Select(i => new EventInput
        {
            Index = i, ClientEventId = Guid.NewGuid().ToString("N"), Type = "joinedGroup", At = at, MemberNo = NextMember(),
            GroupId = groups[i % groups.Length],
        })];
    }

    private int NextMember() => _memberNos[_nextMember++ % _memberNos.Length];
}
