using System.Data.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Form;
using CommunityPortal.Features.Signups.Public;
using CommunityPortal.Features.Visitors;
using CommunityPortal.Infrastructure.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>
/// The public page's sign-up (POST /s/{slug}) as one service call: the form, the channel of the visitor's last scan, the
/// member, the sign-up and the scan links in one context and one transaction; a failing scan link keeps the sign-up.
/// </summary>
public sealed class SignupPageTransactionTests : IAsyncLifetime
{
    private static readonly string Visitor = VisitorCookie.Hash("visitor-cookie-value-0001");

    private readonly PortalDatabase _db = new();
    private int _activityId;
    private int _liveCodeId;
    private string _channelKey = "";

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _activityId = (await SignupSeed.ActivityAsync(_db.Services)).Id;
        _liveCodeId = (await _db.Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = "读书会活码", Slug = "read-groups" })).Id;
        var channel = await _db.Get<ChannelService>().CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article });
        _channelKey = (await _db.Get<ChannelService>().CreateCodeAsync(_liveCodeId, channel.Id)).Key;
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.LiveCodeId = _liveCodeId);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    /// <summary>Two scans this visitor made before signing up: through the channel code, then without one.</summary>
    private async Task ScansBeforeTheSignupAsync()
    {
        await using var db = _db.CreateDbContext();
        var channelCodeId = await db.Set<ChannelCode>().Where(c => c.Key == _channelKey).Select(c => c.Id).SingleAsync();
        var at = DateTime.UtcNow.AddMinutes(-10);
        db.AddRange(
            new Scan { LiveCodeId = _liveCodeId, ChannelCodeId = channelCodeId, VisitorKey = Visitor, Outcome = ScanOutcome.Fallback, Client = ClientKind.WeChatMobile, At = at },
            new Scan { LiveCodeId = _liveCodeId, VisitorKey = Visitor, Outcome = ScanOutcome.Fallback, Client = ClientKind.WeChatMobile, At = at.AddMinutes(1) });
        await db.SaveChangesAsync();
    }

    private async Task<List<int?>> ScanMembersAsync()
    {
        await using var db = _db.CreateDbContext();
        return await db.Set<Scan>().OrderBy(s => s.Id).Select(s => s.MemberId).ToListAsync();
    }

    private static SignupSubmission Person() => new() { Name = "王小明", Phone = "13812345678" };

    [Fact]
    public async Task SubmitFromPage_ReadsAndWritesEverything_InOneContextAndOneTransaction()
    {
        await ScansBeforeTheSignupAsync();
        var counter = new Counter();
        // Every service on the way opens its contexts through the counting factory.
        var factory = new CountingFactory(_db, counter);
        var signups = ActivatorUtilities.CreateInstance<SignupService>(_db.Services, factory,
            ActivatorUtilities.CreateInstance<SignupFormService>(_db.Services, factory),
            ActivatorUtilities.CreateInstance<MemberService>(_db.Services, factory));

        var signup = await signups.SubmitFromPageAsync("read1", Person(), Visitor);

        Assert.Equal(SignupOutcome.Created, signup.Result.Outcome);
        Assert.Equal((1, 1, 1), (counter.Contexts, counter.Transactions, counter.Commits));
        var receipt = signup.Result.Receipt!;
        // The channel came from the visitor's last scan through a channel code; both earlier scans now carry the member.
        Assert.Equal(_channelKey, signup.ChannelKey);
        Assert.Equal(_channelKey, receipt.LiveCodeChannelKey);
        Assert.Equal([receipt.MemberId, receipt.MemberId], await ScanMembersAsync());
        Assert.Equal("read1", signup.Form!.Slug);
    }

    [Fact]
    public async Task Submit_WhenLinkingScansFails_KeepsTheSignup()
    {
        await ScansBeforeTheSignupAsync();
        await _db.ExecuteAsync("CREATE TRIGGER no_scan_links BEFORE UPDATE OF MemberId ON Scans BEGIN SELECT RAISE(ABORT, 'scan links refused'); END;");

        var signup = await _db.Get<SignupService>().SubmitFromPageAsync("read1", Person(), Visitor);

        Assert.Equal(SignupOutcome.Created, signup.Result.Outcome);
        var receipt = signup.Result.Receipt!;
        Assert.Equal(1, await _db.CountAsync<ActivitySignup>(q => q.Where(s => s.MemberId == receipt.MemberId && s.ActivityId == _activityId)));
        Assert.Equal(1, await _db.CountAsync<Member>(q => q.Where(m => m.Id == receipt.MemberId)));
        Assert.Equal([null, null], await ScanMembersAsync());
        // Committed, so its event went out after the commit as for any sign-up.
        Assert.Equal(receipt.MemberId, Assert.Single(_db.Published<ActivitySignedUp>()).MemberId);
    }

    [Fact]
    public async Task SubmitFromPage_WhenInvalid_WritesNothing_AndGivesTheFormAndTheScansChannelBack()
    {
        await ScansBeforeTheSignupAsync();

        var signup = await _db.Get<SignupService>().SubmitFromPageAsync("read1", Person() with { Phone = null }, Visitor);

        Assert.Equal(SignupOutcome.Invalid, signup.Result.Outcome);
        Assert.Contains(nameof(SignupSubmission.Phone), signup.Result.Errors!.Keys);
        Assert.Equal(("read1", _channelKey), (signup.Form!.Slug, signup.ChannelKey));
        Assert.Equal(0, await _db.CountAsync<ActivitySignup>());
        Assert.Equal([null, null], await ScanMembersAsync());
    }

    [Fact]
    public async Task SubmitFromPage_UnknownSlug_IsNotFound_WithoutAForm()
    {
        var signup = await _db.Get<SignupService>().SubmitFromPageAsync("nope1", Person(), Visitor);

        Assert.Equal(SignupOutcome.NotFound, signup.Result.Outcome);
        Assert.Null(signup.Form);
    }

    private sealed class Counter : DbTransactionInterceptor
    {
        public int Contexts;
        public int Transactions;
        public int Commits;

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Transactions);
            return ValueTask.FromResult(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Commits);
            return Task.CompletedTask;
        }
    }

    /// <summary>Contexts over the test database that count themselves and their transactions, publishing to the app's bus.</summary>
    private sealed class CountingFactory(PortalDatabase database, Counter counter) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext()
        {
            Interlocked.Increment(ref counter.Contexts);
            var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
            DatabaseRegistration.Configure(options, database.ConnectionString).AddInterceptors(counter);
            return new SqlitePortalDbContext(options.Options, database.Get<IDomainEventPublisher>());
        }
    }
}
