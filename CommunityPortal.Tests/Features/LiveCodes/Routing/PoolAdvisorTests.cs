using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.LiveCodes.Routing;

public sealed class PoolAdvisorTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private PoolAdvisor Advisor => _db.Get<PoolAdvisor>();

    private Task<int> OpenGroupAsync(string name, GroupStatus status = GroupStatus.Open, int capacity = 200, int members = 0) =>
        LiveCodeSeed.OpenGroupAsync(_db.Services, name, status: status, capacity: capacity, members: members);

    [Fact]
    public async Task Candidates_AreOpenGroupsByName_LeavingOutThePool_AndStillAFullList()
    {
        var ids = new List<int>();
        for (var i = 1; i <= 25; i++)
        {
            ids.Add(await OpenGroupAsync($"群{i:D2}"));
        }
        await OpenGroupAsync("群00-未开放", GroupStatus.Planned);
        // The first five by name are in the pool: the list still holds twenty, from the sixth on.
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "reading", [.. ids.Take(5).Select(id => new PoolEntryInput(id))]);

        var candidates = await Advisor.CandidatesAsync(code.Id, null);

        Assert.Equal(PoolAdvisor.CandidateCount, candidates.Count);
        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"群{i:D2}"), candidates.Select(g => g.Name));
    }

    [Fact]
    public async Task Candidates_FollowTheSearch_AndAnotherCodesPoolDoesNotMatter()
    {
        var first = await OpenGroupAsync("读书会1群");
        var second = await OpenGroupAsync("读书会2群");
        await OpenGroupAsync("写作营1群");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "reading", [new(first)]);
        await LiveCodeSeed.LiveCodeAsync(_db.Services, "other", [new(second)]);

        var candidates = await Advisor.CandidatesAsync(code.Id, "读书");

        Assert.Equal(["读书会2群"], candidates.Select(g => g.Name));
    }

    [Fact]
    public async Task RoomWarnings_NameTheGroupsWhoseThresholdExceedsTheirSeats()
    {
        var tiny = await OpenGroupAsync("三人小群", capacity: 3);
        var roomy = await OpenGroupAsync("大群", members: 10);
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "reading", [new(tiny), new(roomy), new(await OpenGroupAsync("低阈值群", capacity: 3), 3)]);

        var warnings = Advisor.RoomWarnings(code.Id, code.Name);

        var warning = Assert.Single(warnings);
        Assert.Equal(tiny, warning.Key);
        Assert.Equal((LiveCodeAlertKind.ThresholdOverRoom, 180, 3), (warning.Value.Kind, warning.Value.Threshold, warning.Value.Seats));
    }
}
