using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.LiveCodes.Manage;

public sealed class LiveCodeServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private LiveCodeService Service => _db.Get<LiveCodeService>();

    private ILiveCodeRoutingState Routing => _db.Get<ILiveCodeRoutingState>();

    [Theory]
    [InlineData("ab")]
    [InlineData("Has-Upper")]
    [InlineData("with space")]
    [InlineData("a/b/c")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc")]
    public async Task Create_WithMalformedSlug_ReportsSlugField(string slug)
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new LiveCodeInput { Name = "x", Slug = slug }));

        Assert.Contains("Slug", ex.Errors.Keys);
    }

    [Fact]
    public async Task Create_WhenSlugTaken_ReportsSlugFieldInChinese()
    {
        await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "spring-2026" });

        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new LiveCodeInput { Name = "b", Slug = "spring-2026" }));

        Assert.Contains("短链标识", ex.Errors["Slug"][0]);
    }

    [Fact]
    public async Task Create_WhenWindowEndsBeforeStart_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new LiveCodeInput
        {
            Name = "a", Slug = "abc", ValidFrom = Now, ValidUntil = Now.AddDays(-1),
        }));

        Assert.Contains("ValidUntil", ex.Errors.Keys);
    }

    [Fact]
    public async Task Create_WithZeroThreshold_ReportsDefaultThreshold()
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "abc", DefaultThreshold = 0 }));

        Assert.Contains("DefaultThreshold", ex.Errors.Keys);
    }

    [Fact]
    public async Task SetPool_WithUnknownGroup_DuplicateOrZeroThreshold_IsRefused()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "abc" });

        var unknown = await Assert.ThrowsAsync<PortalValidationException>(() => Service.SetPoolAsync(code.Id, [new(group), new(9999)], code.Version));
        var duplicate = await Assert.ThrowsAsync<PortalValidationException>(() => Service.SetPoolAsync(code.Id, [new(group), new(group)], code.Version));
        var zero = await Assert.ThrowsAsync<PortalValidationException>(() => Service.SetPoolAsync(code.Id, [new(group, 0)], code.Version));

        Assert.Contains("Pool", unknown.Errors.Keys);
        Assert.Contains("Pool", duplicate.Errors.Keys);
        Assert.Contains("Threshold", zero.Errors.Keys);
    }

    [Fact]
    public async Task PoolEditor_AddsMovesSetsThresholdAndRemoves_InOrder()
    {
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var g2 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群2");
        var g3 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群3");
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "abc" });

        code = await Service.AddToPoolAsync(code.Id, g1, null, code.Version);
        code = await Service.AddToPoolAsync(code.Id, g2, 50, code.Version);
        code = await Service.AddToPoolAsync(code.Id, g3, null, code.Version);
        code = await Service.MoveInPoolAsync(code.Id, g3, 0, code.Version);
        code = await Service.SetThresholdAsync(code.Id, g1, 10, code.Version);
        code = await Service.RemoveFromPoolAsync(code.Id, g2, code.Version);

        Assert.Equal([g3, g1], code.Pool.Select(p => p.GroupId));
        Assert.Equal([180, 10], code.Pool.Select(p => p.EffectiveThreshold));
        Assert.Equal(7, code.Version);
    }

    [Fact]
    public async Task SetPool_WithAnOldVersion_IsAConflict()
    {
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "abc" });
        await Service.SetPoolAsync(code.Id, [new(g1)], code.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Service.SetPoolAsync(code.Id, [], code.Version));
    }

    [Fact]
    public async Task Delete_AfterAScan_IsRefused()
    {
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "abc" });
        await _db.StartHostedServicesAsync();
        await _db.Get<IScanRecorder>().RecordAsync(new Scan { LiveCodeId = code.Id, VisitorKey = "k", At = Now, Outcome = ScanOutcome.Fallback });

        await Assert.ThrowsAsync<ConflictException>(() => Service.DeleteAsync(code.Id));
    }

    [Fact]
    public async Task Routing_FollowsCreateRenameAndDelete()
    {
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "a", Slug = "first" });
        Assert.NotNull(Routing.Find("first"));

        var input = new LiveCodeInput { Name = "a", Slug = "second" };
        code = await Service.UpdateAsync(code.Id, input, code.Version);
        Assert.Null(Routing.Find("first"));
        Assert.NotNull(Routing.Find("second"));

        await Service.DeleteAsync(code.Id);
        Assert.Null(Routing.Find("second"));
    }

    [Fact]
    public async Task Routing_AfterPoolEdit_NeverUsesTheRemovedGroup()
    {
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var g2 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群2");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", [new(g1, 100_000), new(g2, 100_000)]);
        var router = Routing.Find("abc")!.Router;
        Assert.Equal(g1, router.Route("a", Now).Group?.GroupId);

        var scanning = Task.Run(() => Enumerable.Range(0, 20_000).Select(i => router.Route($"p{i}", DateTime.UtcNow)).ToList());
        await Service.RemoveFromPoolAsync(code.Id, g1, code.Version);
        var after = Enumerable.Range(0, 50).Select(i => router.Route($"after{i}", DateTime.UtcNow).Group?.GroupId).ToList();
        await scanning;

        Assert.All(after, g => Assert.Equal(g2, g));
    }

    [Fact]
    public async Task RoutingState_RebuiltAtStartUp_CountsStoredAssignedScans()
    {
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var g2 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群2");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", [new(g1, 3), new(g2)]);
        await _db.StartHostedServicesAsync();
        var recorder = _db.Get<IScanRecorder>();
        foreach (var i in Enumerable.Range(0, 3))
        {
            await recorder.RecordAsync(new Scan { LiveCodeId = code.Id, GroupId = g1, VisitorKey = $"v{i}", At = Now, Outcome = ScanOutcome.Assigned });
        }

        var fresh = new LiveCodeRoutingState(_db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<CommunityPortal.Data.PortalDbContext>>());
        await fresh.LoadAllAsync();

        Assert.Equal(3, fresh.Find("abc")!.Router.AssignedTo(g1));
        Assert.Equal(g2, fresh.Find("abc")!.Router.Route("new", Now).Group?.GroupId);
        Assert.Equal(ScanOutcome.Repeat, fresh.Find("abc")!.Router.Route("v1", Now).Outcome);
    }

    [Fact]
    public async Task GroupEvents_StatusFullOrQrReplaced_ReachRoutingAtOnce()
    {
        await _db.StartHostedServicesAsync();
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var g2 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群2");
        await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", [new(g1), new(g2)]);
        var router = Routing.Find("abc")!.Router;

        await _db.Get<GroupService>().ArchiveAsync(g1);
        Assert.Equal(g2, router.Route("a", Now).Group?.GroupId);

        var newQr = await LiveCodeSeed.AddQrAsync(_db.Services, g2);
        Assert.Equal(newQr, router.Route("b", Now).Group?.QrId);
    }

    [Fact]
    public async Task ScanWriter_FailedBatch_FailsItsRequest()
    {
        await _db.StartHostedServicesAsync();

        await Assert.ThrowsAnyAsync<Exception>(() =>
            _db.Get<IScanRecorder>().RecordAsync(new Scan { LiveCodeId = 424242, VisitorKey = "k", At = Now }));
    }

    [Fact]
    public async Task ScanWriter_OneBadScanInABatch_FailsAlone_AndTheOthersAreStored()
    {
        var g1 = await LiveCodeSeed.OpenGroupAsync(_db.Services, "群1");
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "poison", [new(g1)]);
        await _db.StartHostedServicesAsync();
        var recorder = _db.Get<IScanRecorder>();

        // Queued together, so they are written as one batch; the bad one names a live code that does not exist.
        var good = Enumerable.Range(0, 20)
            .Select(i => recorder.RecordAsync(new Scan { LiveCodeId = code.Id, VisitorKey = $"v{i}", At = Now, Outcome = ScanOutcome.Fallback }))
            .ToList();
        var bad = recorder.RecordAsync(new Scan { LiveCodeId = 424242, VisitorKey = "bad", At = Now, Outcome = ScanOutcome.Fallback });
        good.AddRange(Enumerable.Range(20, 20)
            .Select(i => recorder.RecordAsync(new Scan { LiveCodeId = code.Id, VisitorKey = $"v{i}", At = Now, Outcome = ScanOutcome.Fallback })));

        await Task.WhenAll(good);
        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        await using var db = await _db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<CommunityPortal.Data.PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(40, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<Scan>(), s => s.LiveCodeId == code.Id));
    }
}
