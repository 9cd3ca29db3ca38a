using BenchmarkDotNet.Attributes;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Seeding.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Bench;

/// <summary>
/// The member list's search over the demo data of `admin seed-demo --members 200000` (issue 4: a filtered page in under
/// 300 ms), each as a ratio to a primary-key lookup of one member measured in the same run, through the service the
/// list page and GET /api/v1/members use.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRunConfig))]
public class MemberSearchBenchmarks
{
    private ServiceProvider _services = default!;
    private MemberService _members = default!;
    private MemberQueryService _query = default!;
    private int _someMemberId;
    private int[] _interestTags = [];
    private int _coreTag;
    private int _silentTag;
    private int _biggestGroup;
    private string _phoneTail = "";

    [GlobalSetup]
    public void Setup()
    {
        _services = BenchDatabases.Services(BenchDatabases.DemoMembers(BenchDatabases.MemberCount));
        _members = _services.GetRequiredService<MemberService>();
        _query = _services.GetRequiredService<MemberQueryService>();
        using var db = _services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var count = db.Set<Member>().Count();
        var middle = db.Set<Member>().OrderBy(m => m.MemberNo).Skip(count / 2).Select(m => new { m.Id, m.Phone }).First();
        _someMemberId = middle.Id;
        _phoneTail = db.Set<Member>().Where(m => m.Phone != null).OrderBy(m => m.MemberNo).Skip(count / 3).Select(m => m.Phone!).First()[^4..];
        var tags = db.Set<Tag>().ToDictionary(t => t.Name, t => t.Id);
        _interestTags = [tags["亲子阅读"], tags["英语启蒙"]];
        _coreTag = tags["核心用户"];
        _silentTag = tags["沉默用户"];
        _biggestGroup = db.Set<GroupMembership>().Where(m => m.LeftAt == null).GroupBy(m => m.GroupId)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).First();
        Console.WriteLine($"// {count:N0} members; phone tail {_phoneTail}; group {_biggestGroup}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true, Description = "member by id")]
    public Task<MemberHeader> MemberById() => _members.GetAsync(_someMemberId);

    [Benchmark(Description = "first page, no filter")]
    public Task<PagedResult<MemberRow>> FirstPage() => _query.QueryAsync(new MemberQuery());

    [Benchmark(Description = "tags any-of (2) + growth level S")]
    public Task<PagedResult<MemberRow>> TagsAnyOfAndLevel() =>
        _query.QueryAsync(new MemberQuery { TagsAnyOf = _interestTags, GrowthLevel = GrowthLevel.S });

    [Benchmark(Description = "phone tail (4 digits)")]
    public Task<PagedResult<MemberRow>> PhoneTail() => _query.QueryAsync(new MemberQuery { Search = _phoneTail });

    [Benchmark(Description = "group filter (biggest group)")]
    public Task<PagedResult<MemberRow>> InGroup() => _query.QueryAsync(new MemberQuery { GroupId = _biggestGroup });

    [Benchmark(Description = "all-of + none-of + status, page 10")]
    public Task<PagedResult<MemberRow>> TagsAllOfNoneOfStatus() => _query.QueryAsync(new MemberQuery
    {
        TagsAllOf = [_interestTags[0], _coreTag], TagsNoneOf = [_silentTag], Status = MemberStatus.Active, Skip = 180, Take = 20,
    });
}
