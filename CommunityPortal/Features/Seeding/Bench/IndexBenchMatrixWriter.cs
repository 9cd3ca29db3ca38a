using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Signups;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>
/// The bench's matrix, channels, live codes (with a channel code per channel, and today's groups in their pools) and
/// a sign-up form per period, inside the caller's transaction. Keys are read back by natural key: the database had
/// none of these rows before (the seeder refuses otherwise).
/// </summary>
internal static class IndexBenchMatrixWriter
{
    private static readonly List<string> Rules = ["友善交流，不发广告", "每晚 20:00 共读打卡", "有问题请 @ 班主任"];

    public static async Task<int> WriteAsync(PortalDbContext db, IndexBenchPlan plan, IndexBenchIds ids, IReadOnlyList<string> owners, CancellationToken ct)
    {
        var matrix = plan.Matrix;
        // Set up a week before the window: nothing in the history is older than what it refers to.
        var created = plan.Options.Start.AddDays(-7);

        await BatchInsert.InsertAllAsync(db, [.. matrix.Themes.Select(t => new Theme { Name = t.Name, Description = t.Description, CreatedAt = created })], ct);
        var themes = await db.Set<Theme>().ToDictionaryAsync(t => t.Name, t => t.Id, ct);
        await BatchInsert.InsertAllAsync(db, [.. matrix.Series.Select(s => new Series { ThemeId = themes[matrix.Themes[s.Theme].Name], Name = s.Name, CreatedAt = created })], ct);
        var series = (await db.Set<Series>().AsNoTracking().ToListAsync(ct)).ToDictionary(s => (s.ThemeId, s.Name), s => s.Id);
        var seriesIds = matrix.Series.Select(s => series[(themes[matrix.Themes[s.Theme].Name], s.Name)]).ToArray();

        await BatchInsert.InsertAllAsync(db, [.. matrix.Activities.Select(a => new Activity
        {
            SeriesId = seriesIds[a.Series], PeriodNo = a.PeriodNo, Name = a.Name, StartDate = a.StartDate, EndDate = a.EndDate, Status = a.Status, CreatedAt = created,
        })], ct);
        var activities = (await db.Set<Activity>().AsNoTracking().ToListAsync(ct)).ToDictionary(a => (a.SeriesId, a.PeriodNo), a => a.Id);
        ids.Activities = [.. matrix.Activities.Select(a => activities[(seriesIds[a.Series], a.PeriodNo)])];

        await BatchInsert.InsertAllAsync(db, [.. matrix.Groups.Select((g, i) => new Group
        {
            ActivityId = ids.Activities[g.Activity], Name = g.Name, Tier = g.Tier,
            Lifetime = g.Tier == GroupTier.Welfare ? GroupLifetime.Temporary : GroupLifetime.LongTerm,
            // Most groups have an owner among the portal's users, some none yet.
            OwnerId = owners.Count > 0 && i % 3 != 2 ? owners[i % owners.Count] : null, Capacity = Group.MaxCapacity, MemberCount = g.Members,
            Status = g.OpenedAt is null ? GroupStatus.Planned : g.Members >= Group.MaxCapacity ? GroupStatus.Full : GroupStatus.Open,
            OpenedAt = g.OpenedAt, Rules = [.. Rules],
            Announcement = $"欢迎来到{matrix.Activities[g.Activity].Name}！本群用于课程通知与打卡交流。", WelcomeMessage = "新朋友请改群昵称：孩子名字+年龄",
            Labels = [$"系列:{matrix.Series[matrix.Activities[g.Activity].Series].Name}"], CreatedAt = created,
        })], ct);
        var groups = await db.Set<Group>().AsNoTracking().Select(g => new { g.ActivityId, g.Name, g.Id }).ToListAsync(ct);
        var groupIds = groups.ToDictionary(g => (g.ActivityId, g.Name), g => g.Id);
        ids.Groups = [.. matrix.Groups.Select(g => groupIds[(ids.Activities[g.Activity], g.Name)])];

        await BatchInsert.InsertAllAsync(db, [.. matrix.Channels.Select(c => new Channel { Name = c.Name, Type = c.Type, Cost = c.Cost, CreatedAt = created })], ct);
        var channels = await db.Set<Channel>().ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        ids.Channels = [.. matrix.Channels.Select(c => channels[c.Name])];

        // The pools' thresholds are as high as they go: months of scans are counted against them, and a bench that
        // sends live scans must still be routed.
        await BatchInsert.InsertAllAsync(db, [.. matrix.LiveCodes.Select(c => new LiveCode
        {
            Name = c.Name, Slug = c.Slug, Mode = c.Mode, DefaultThreshold = LiveCode.MaxThreshold, LandingTitle = c.Name,
            LandingText = "长按识别二维码，加入学习群", FallbackMessage = "群已满，请添加老师微信", CreatedAt = created,
        })], ct);
        var liveCodes = await db.Set<LiveCode>().ToDictionaryAsync(c => c.Slug, c => c.Id, ct);
        ids.LiveCodes = [.. matrix.LiveCodes.Select(c => liveCodes[c.Slug])];

        await BatchInsert.InsertAllAsync(db, [.. matrix.ChannelCodes.Select(c => new ChannelCode
        {
            LiveCodeId = ids.LiveCodes[c.LiveCode], ChannelId = ids.Channels[c.Channel], Key = c.Key, CreatedAt = created,
        })], ct);
        var codes = await db.Set<ChannelCode>().ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        ids.ChannelCodes = [.. matrix.ChannelCodes.Select(c => codes[c.Key])];

        await BatchInsert.InsertAllAsync(db, Pools(plan, ids), ct);
        await BatchInsert.InsertAllAsync(db, [.. matrix.Activities.Select((a, i) => new SignupForm
        {
            ActivityId = ids.Activities[i], Slug = FormattableString.Invariant($"s{a.Series + 1:D2}-{a.PeriodNo}"), Title = a.Name,
            OpensAt = a.OpensAt, ClosesAt = a.EndsAt, LiveCodeId = ids.LiveCodes[matrix.Series[a.Series].LiveCode], CreatedAt = created,
        })], ct);
        return matrix.Groups.Count;
    }

    /// <summary>Each live code's pool: the groups its series recruit for at the end of the window.</summary>
    private static List<LiveCodePoolEntry> Pools(IndexBenchPlan plan, IndexBenchIds ids)
    {
        var matrix = plan.Matrix;
        var entries = new List<LiveCodePoolEntry>();
        for (var code = 0; code < matrix.LiveCodes.Count; code++)
        {
            var groups = matrix.LiveCodes[code].Series
                .Select(s => matrix.Current(s, plan.Options.End) is var a and >= 0 ? a : matrix.Series[s].Activities[^1])
                .SelectMany(a => matrix.Activities[a].Groups).Take(LiveCode.MaxPoolSize);
            entries.AddRange(groups.Select((g, position) => new LiveCodePoolEntry { LiveCodeId = ids.LiveCodes[code], GroupId = ids.Groups[g], Position = position }));
        }
        return entries;
    }
}
