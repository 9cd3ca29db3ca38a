using System.Globalization;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Seeding.Bench;

[Collection(IndexBenchFixture.Collection)]
public sealed class SeedBenchIndicesTests(IndexBenchFixture bench)
{
    private const int N = IndexBenchFixture.Members;

    [Fact]
    public void SeedBenchIndices_OnAnEmptyDatabase_PrintsEachTableAndTheTotalWithTheTime()
    {
        Assert.True(bench.Seeded.Code == 0, bench.Seeded.Error);
        Assert.Empty(bench.Seeded.Error);
        var lines = bench.Seeded.Output.TrimEnd().Split('\n');
        foreach (var table in new[] { "matrix", "Members", "GroupMemberships", "ActivitySignups", "Scans", "MemberEvents", "ServiceRecords" })
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith(table + " ", StringComparison.Ordinal));
        }
        Assert.StartsWith("Seeded 2,000 members and ", lines[^1]);
        Assert.Matches(@" in \d+\.\d s\.$", lines[^1]);
    }

    [Fact]
    public async Task SeedBenchIndices_WritesAboutTenEventsAMember_InTheProportionsOfIssue11()
    {
        await using var db = bench.CreateDbContext();
        var members = await db.Set<Member>().CountAsync();
        var scans = await db.Set<Scan>().CountAsync();
        var joins = await db.Set<GroupMembership>().CountAsync();
        var leaves = await db.Set<GroupMembership>().CountAsync(m => m.LeftAt != null);
        var signups = await db.Set<ActivitySignup>().CountAsync();
        var checkIns = await db.Set<ActivitySignup>().CountAsync(s => s.CheckedInAt != null);
        var memberEvents = await db.Set<MemberEvent>().CountAsync();
        var records = await db.Set<ServiceRecord>().CountAsync();
        var total = members + scans + joins + leaves + signups + checkIns + memberEvents + records;

        Assert.Equal(N, members);
        Assert.InRange(total, 9.5 * N, 10.5 * N);
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"{total:N0} events"), bench.Seeded.Output.TrimEnd().Split('\n')[^1].Split(" (")[0]);
        Assert.InRange(scans, 3 * N, 3 * N + 2);
        Assert.InRange(await db.Set<Scan>().CountAsync(s => s.Outcome == ScanOutcome.Bot), 0.015 * scans, 0.025 * scans);
        Assert.True(await db.Set<Scan>().CountAsync(s => s.Outcome == ScanOutcome.Assigned || s.Outcome == ScanOutcome.Repeat) > 0.95 * scans);
        Assert.True(await db.Set<Scan>().CountAsync(s => s.MemberId != null) > 0.1 * N);
        Assert.InRange(await db.Set<Member>().CountAsync(m => m.FirstChannelId != null), 0.62 * N, 0.78 * N);
        Assert.InRange(await db.Set<Member>().CountAsync(m => m.Status == MemberStatus.Blacklisted), 1, 0.015 * N);
        Assert.InRange(await db.Set<ActivitySignup>().Select(s => s.MemberId).Distinct().CountAsync(), 0.2 * N, 0.38 * N);
        Assert.True(signups > await db.Set<ActivitySignup>().Select(s => s.MemberId).Distinct().CountAsync(), "some sign up for several periods");
        Assert.InRange(checkIns, 0.4 * signups, 0.75 * signups);
        Assert.InRange(joins, 0.9 * N, 1.4 * N);
        Assert.InRange(leaves, 0.08 * joins, 0.22 * joins);
        Assert.True(await db.Set<MemberEvent>().CountAsync(e => e.Kind == MemberEventKind.Active) > memberEvents / 2);
        Assert.True(await db.Set<MemberEvent>().CountAsync(e => e.Kind == MemberEventKind.Purchased && e.Amount > 0) > 0);
        Assert.Equal(0, await db.Set<MemberEvent>().CountAsync(e => e.Kind == MemberEventKind.ScanLinked));
        Assert.InRange(records, 0.01 * N, 0.06 * N);
    }

    [Fact]
    public async Task SeedBenchIndices_EveryStayHasItsGroupAndMember_LeavesFollowJoins_AndGroupCountsAreTheOpenStays()
    {
        await using var db = bench.CreateDbContext();
        Assert.Equal(0, await db.Set<GroupMembership>().CountAsync(m => !db.Set<Group>().Any(g => g.Id == m.GroupId)));
        Assert.Equal(0, await db.Set<GroupMembership>().CountAsync(m => !db.Set<Member>().Any(x => x.Id == m.MemberId)));
        Assert.Equal(0, await db.Set<GroupMembership>().CountAsync(m => m.LeftAt <= m.JoinedAt));

        var stays = await db.Set<GroupMembership>().AsNoTracking().ToListAsync();
        var rejoins = stays.GroupBy(s => (s.MemberId, s.GroupId)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(rejoins);
        Assert.All(rejoins, pair =>
        {
            var (first, again) = (pair.MinBy(s => s.JoinedAt)!, pair.MaxBy(s => s.JoinedAt)!);
            Assert.NotNull(first.LeftAt);
            Assert.True(again.JoinedAt > first.LeftAt);
        });

        var open = stays.Where(s => s.LeftAt is null).GroupBy(s => s.GroupId).ToDictionary(g => g.Key, g => g.Count());
        var groups = await db.Set<Group>().AsNoTracking().ToListAsync();
        Assert.All(groups, g =>
        {
            Assert.Equal(open.GetValueOrDefault(g.Id), g.MemberCount);
            Assert.InRange(g.MemberCount, 0, g.Capacity);
        });
        Assert.Equal([GroupTier.Welfare, GroupTier.Core, GroupTier.Circulation], groups.Select(g => g.Tier).Distinct().Order());
        Assert.InRange(groups.Count / (double)await db.Set<Activity>().CountAsync(), 4, 5);
    }

    [Fact]
    public async Task SeedBenchIndices_KeepsEveryOtherReferenceAndEveryTimeInTheWindow()
    {
        await using var db = bench.CreateDbContext();
        var (start, end) = (IndexBenchFixture.Start, IndexBenchFixture.End);
        var members = await db.Set<Member>().AsNoTracking().OrderBy(m => m.MemberNo).ToListAsync();
        Assert.Equal(members.Select(m => m.CreatedAt).Order(), members.Select(m => m.CreatedAt));
        Assert.All(members, m => Assert.InRange(m.CreatedAt, start, end));
        Assert.True(members.Select(m => PortalTime.ToLocal(m.CreatedAt).Date).Distinct().Count() > 20, "members arrive over the whole window");
        var ids = members.Select(m => m.Id).ToHashSet();

        Assert.Equal(0, await db.Set<Scan>().CountAsync(s => s.At < start || s.At >= end));
        Assert.Equal(0, await db.Set<MemberEvent>().CountAsync(e => e.At < start || e.At >= end));
        Assert.All(await db.Set<Scan>().Where(s => s.MemberId != null).Select(s => s.MemberId!.Value).Distinct().ToListAsync(), id => Assert.Contains(id, ids));
        Assert.Equal(0, await db.Set<MemberEvent>().CountAsync(e => e.GroupId != null && !db.Set<Group>().Any(g => g.Id == e.GroupId)));
        Assert.Equal(0, await db.Set<MemberEvent>().CountAsync(e => e.ActivityId != null && !db.Set<Activity>().Any(a => a.Id == e.ActivityId)));
        Assert.Equal(0, await db.Set<ActivitySignup>().CountAsync(s => s.ChannelKey != null
            && !db.Set<ChannelCode>().Any(c => c.Key == s.ChannelKey && c.ChannelId == s.ChannelId)));
        Assert.Equal(0, await db.Set<Scan>().CountAsync(s => s.Outcome == ScanOutcome.Bot && s.GroupId != null));

        // The blacklisted: one Blacklisted event at that time, and nothing they did afterwards.
        foreach (var member in members.Where(m => m.IsBlacklisted))
        {
            var at = member.BlacklistedAt!.Value;
            Assert.Equal(new[] { at }, await db.Set<MemberEvent>().Where(e => e.MemberId == member.Id && e.Kind == MemberEventKind.Blacklisted).Select(e => e.At).ToListAsync());
            Assert.False(await db.Set<MemberEvent>().AnyAsync(e => e.MemberId == member.Id && e.At > at));
            Assert.False(await db.Set<ActivitySignup>().AnyAsync(s => s.MemberId == member.Id && (s.CreatedAt > at || s.CheckedInAt > at)));
            Assert.False(await db.Set<GroupMembership>().AnyAsync(s => s.MemberId == member.Id && (s.JoinedAt > at || (s.LeftAt == null && at.AddHours(1) < end))));
        }
    }

    [Fact]
    public async Task SeedBenchIndices_SecondRun_IsRefusedAndWritesNothing()
    {
        var (code, output, error) = await bench.RunAsync("seed-bench-indices", "--members", "10", "--days", "14");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("only fills an empty database", error);
        Assert.Contains($"{N} members", error);
        Assert.Equal(N, await bench.Database.CountAsync<Member>());
    }

    [Theory]
    [InlineData("--members", "0")]
    [InlineData("--members", "lots")]
    [InlineData("--days", "3")]
    [InlineData("--seed", "1.5")]
    [InlineData("--until", "2026-13-01")]
    public async Task SeedBenchIndices_WithABadOption_IsAUsageErrorNamingIt(string option, string value)
    {
        var (code, _, error) = await bench.RunAsync("seed-bench-indices", option, value);

        Assert.Equal(2, code);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task SeedBenchIndices_UntilToday_IsAUsageError_TheWindowMustHaveEnded()
    {
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (code, _, error) = await bench.RunAsync("seed-bench-indices", "--until", today);

        Assert.Equal(2, code);
        Assert.Contains("--until must be a day before today", error);
    }
}
