using CommunityPortal.Data;
using CommunityPortal.Data.Migrations;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Segments;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Data;

/// <summary>A database made by the release before ADR 024 (hand-written migrations) upgrades in place with every row.</summary>
public sealed class ReleaseDatabaseUpgradeTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ReleaseSchema_IsWhatBaselineCreates()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync(withRows: false);
        await using var connection = new SqliteConnection(release.ConnectionString);
        await connection.OpenAsync();

        Assert.Empty(SqliteSchema.Differences(await HandWrittenMigrations.BaselineSchemaAsync(), await SqliteSchema.DescribeAsync(connection)));
    }

    [Fact]
    public async Task ReleaseDatabase_StartedTwice_KeepsEveryRowOfEveryTable()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync();
        var tables = await release.TablesAsync();
        var before = await RowsOf(release, tables);
        Assert.All(tables.Keys, table => Assert.NotEmpty(before[table]));

        for (var start = 1; start <= 2; start++)
        {
            await using var services = await release.StartUpAsync();

            var after = await RowsOf(release, tables);
            Assert.All(tables.Keys, table => Assert.Equal(before[table], after[table]));
            // The release's history is kept; Baseline is recorded after it, and later migrations after that.
            var history = await release.QueryAsync("SELECT MigrationId FROM __EFMigrationsHistory ORDER BY rowid");
            Assert.Equal([.. HandWrittenMigrations.Ids, HandWrittenMigrations.BaselineId], history.Take(HandWrittenMigrations.Ids.Length + 1));
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }

    [Fact]
    public async Task ReleaseDatabase_AfterTheUpgrade_ReadsBackThroughTheApp()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync();
        await using var services = await release.StartUpAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        var group = await db.Set<Group>().Include(g => g.Activity).SingleAsync(g => g.Name == "阅读营3期-福利1群");
        Assert.Equal((GroupTier.Welfare, GroupStatus.Open, 2, T0), (group.Tier, group.Status, group.MemberCount, group.OpenedAt));
        Assert.Equal(["禁止广告", "友善交流"], group.Rules);
        Assert.Equal(["华东", "线上"], group.Labels);
        Assert.Equal((new DateOnly(2026, 12, 1), ActivityStatus.Running), (group.Activity!.StartDate, group.Activity.Status));

        var current = await db.Set<GroupQr>().SingleAsync(q => q.GroupId == group.Id && q.ReplacedAt == null);
        Assert.Equal(("https://weixin.qq.com/g/XyZ789", "image/jpeg", T0.AddDays(7)), (current.Payload, current.ImageContentType, current.ExpiresAt));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7 }, current.Image);

        var live = await db.Set<LiveCode>().Include(l => l.Pool).SingleAsync(l => l.Slug == "read-3");
        Assert.Equal((RotationMode.RoundRobin, 150, "群满了，请加老师"), (live.Mode, live.DefaultThreshold, live.FallbackMessage));
        Assert.Equal([120, null], live.Pool.OrderBy(p => p.Position).Select(p => p.Threshold));
        Assert.Equal("k7Qp2xZa", (await db.Set<ChannelCode>().SingleAsync()).Key);
        Assert.Equal(1234.56m, (await db.Set<Channel>().SingleAsync()).Cost);

        var wang = await db.Set<Member>().SingleAsync(m => m.MemberNo == 10001);
        Assert.Equal(("王小明", "13800138000", GrowthLevel.S, Gender.Female), (wang.Nickname, wang.Phone, wang.GrowthLevel, wang.Gender));
        var scans = await db.Set<Scan>().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([(ScanOutcome.Assigned, (int?)wang.Id), (ScanOutcome.Bot, null)], scans.Select(s => (s.Outcome, s.MemberId)));
        Assert.Equal(["参加直播", "公众号文章"],
            await db.Set<MemberTag>().Where(t => t.MemberId == wang.Id).OrderBy(t => t.TagId).Join(db.Set<Tag>(), mt => mt.TagId, t => t.Id, (_, t) => t.Name).ToListAsync());
        Assert.Equal(("发广告", MemberStatus.Blacklisted), await db.Set<Member>().Where(m => m.MemberNo == 10002).Select(m => ValueTuple.Create(m.BlacklistReason, m.Status)).SingleAsync());
        Assert.Equal([null, T0.AddHours(3)], await db.Set<GroupMembership>().OrderBy(m => m.Id).Select(m => m.LeftAt).ToListAsync());
        Assert.Equal(199.90m, (await db.Set<MemberEvent>().SingleAsync(e => e.Kind == MemberEventKind.Purchased)).Amount);
        var record = await db.Set<ServiceRecord>().Include(r => r.Revisions).SingleAsync();
        Assert.Equal(("已回访，孩子很喜欢", "咨询课程"), (record.Text, record.Revisions.Single().Text));

        var segment = SegmentFilterJson.Read((await db.Set<MemberSegment>().SingleAsync()).FilterJson);
        Assert.Equal(("上海", GrowthLevel.S), (segment.Search, segment.GrowthLevel));
        var form = await db.Set<SignupForm>().SingleAsync();
        Assert.Equal(["3-5岁", "6-8岁"], SignupJson.Questions(form.Questions).Single().Options);
        var signup = await db.Set<ActivitySignup>().SingleAsync();
        Assert.Equal(("6-8岁", T0.AddDays(1)), (SignupJson.Answers(signup.Answers).Single().Value, signup.CheckedInAt));
        Assert.Equal((MemberEventType.Purchased, wang.Id), await db.Set<EventReceipt>().Select(r => ValueTuple.Create(r.Type, r.MemberId)).SingleAsync());
        Assert.Equal("cpk_AbCdEf", (await db.Set<ApiKey>().SingleAsync()).Prefix);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("admin@example.com");
        Assert.True(await users.CheckPasswordAsync(admin!, "S3cret-pass!"));
        Assert.Equal(["Admin"], await users.GetRolesAsync(admin!));
        var li = await users.FindByEmailAsync("li@example.com");
        Assert.Equal(["Operator"], await users.GetRolesAsync(li!));
        Assert.Equal("华东", (await users.GetClaimsAsync(li!)).Single().Value);
        Assert.Equal("wx-li-0001", (await users.GetLoginsAsync(li!)).Single().ProviderKey);
        Assert.Equal("tok-123", await users.GetAuthenticationTokenAsync(li!, "WeChat", "refresh"));
    }

    [Fact]
    public async Task ReleaseDatabase_AfterTheUpgrade_TakesNewRowsAfterTheOldOnes()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync();
        await using var services = await release.StartUpAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(new Member { MemberNo = await MemberNumbers.ReserveAsync(db, 1, default), Nickname = "新会员" });
            db.Add(new Scan { LiveCodeId = 1, VisitorKey = new string('d', 32), Outcome = ScanOutcome.Fallback, Client = ClientKind.OtherMobile, At = T0.AddDays(2) });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        var member = await db.Set<Member>().SingleAsync(m => m.Nickname == "新会员");

        Assert.Equal((3, 10003), (member.Id, member.MemberNo));
        Assert.Equal(3L, await db.Set<Scan>().MaxAsync(s => s.Id));
    }

    private static async Task<Dictionary<string, List<string>>> RowsOf(ReleaseDatabaseFile file, Dictionary<string, string[]> tables)
    {
        var rows = new Dictionary<string, List<string>>();
        foreach (var (table, columns) in tables)
        {
            rows[table] = await file.RowsAsync(table, columns);
        }
        return rows;
    }
}
