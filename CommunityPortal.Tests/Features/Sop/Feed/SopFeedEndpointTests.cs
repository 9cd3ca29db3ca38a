using System.Net;
using System.Text;
using CommunityPortal.Data;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Api;
using CommunityPortal.Features.Sop.Feed;
using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Features.Sop.Api;
using CommunityPortal.Tests.Infrastructure.Api;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Sop.Feed;

public sealed class SopFeedEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    // Commas, semicolons, a backslash, a colon, newlines and a Chinese line far longer than 75 octets.
    private const string Tricky = "早安，{group}的朋友们; 今天: 打卡\\签到\n第二行，逗号、分号；冒号：\n\n"
        + "这是一段很长很长的中文内容，用来检查日历文件按照 RFC 5545 的要求在七十五个八位字节处折行，而且折行后读回来的文字一字不差。";

    private readonly HttpClient _manager = factory.ClientAs(Roles.Manager);
    private readonly HttpClient _anonymous = factory.Client(key: null);

    [Fact]
    public async Task Feed_IsACalendarOfThePersonsOwnTasks_ThatRoundTripsThroughIcalNet()
    {
        var (me, _) = await UserAsync("feed-me@example.cn", "小李");
        var (other, _) = await UserAsync("feed-other@example.cn", "小王");
        var group = await _manager.CreateOpenGroupAsync();
        var plan = await _manager.CreatePlanAsync("Daily",
            SopApi.Step(time: "09:15", title: "早安，打卡", content: Tricky, assignee: me.Email),
            SopApi.Step(time: "20:00", title: "晚安", content: "晚安", assignee: other.Email));
        await _manager.ApplyAsync(plan.Id, group.Id);
        var mine = await _manager.TasksAsync($"&planId={plan.Id}&assignee={Uri.EscapeDataString(me.Email!)}");
        var token = await Tokens.CreateAsync(me.Id);

        var response = await _anonymous.GetAsync($"/sop/feed/{token}.ics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("private", response.Headers.CacheControl?.ToString());
        var calendar = Ical.Net.Calendar.Load(body)!;
        Assert.Equal(mine.Select(t => $"sop-task-{t.Id}@localhost").Order(), calendar.Events.Select(e => e.Uid).Order());
        var first = calendar.Events.Single(e => e.Uid == $"sop-task-{mine[0].Id}@localhost");
        Assert.Equal(Tricky.Replace("{group}", group.Name), first.Description);
        Assert.Equal($"[{group.Name}] 早安，打卡", first.Summary);
        Assert.Equal(("Asia/Shanghai", 9, 15), (first.DtStart!.TzId, first.DtStart.Hour, first.DtStart.Minute));
        Assert.Equal(mine[0].DueAt, first.DtStart.AsUtc);
        Assert.Equal(TimeSpan.FromMinutes(15), first.Duration!.Value.ToTimeSpanUnspecified());
        Assert.Equal(("CONFIRMED", "TRANSPARENT"), (first.Status, first.Transparency));
        Assert.Equal("Asia/Shanghai", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal("社群SOP · 小李", calendar.Properties.Get<string>("X-WR-CALNAME"));
        AssertFolded(body);
    }

    [Fact]
    public async Task Feed_KeepsUidsAcrossFetches_AndShowsWhatBecameOfEachTask_InTheAddressesLanguage()
    {
        var (me, _) = await UserAsync("feed-states@example.cn", "Li");
        var plan = await _manager.CreatePlanAsync("Daily", SopApi.Step(title: "Push", content: "Today's product", assignee: me.Email));
        await _manager.ApplyAsync(plan.Id, (await _manager.CreateOpenGroupAsync()).Id);
        var tasks = await _manager.TasksAsync($"&planId={plan.Id}");
        var token = await Tokens.CreateAsync(me.Id);
        var before = Ical.Net.Calendar.Load(await _anonymous.GetStringAsync($"/sop/feed/{token}.ics?lang=en"))!;

        await (await _manager.PostAsync($"/api/v1/sop/tasks/{tasks[0].Id}/done", null)).ReadAsync<SopTaskResponse>();
        await (await _manager.PostJsonAsync($"/api/v1/sop/tasks/{tasks[1].Id}/skip", new { reason = "holiday" })).ReadAsync<SopTaskResponse>();
        var after = Ical.Net.Calendar.Load(await _anonymous.GetStringAsync($"/sop/feed/{token}.ics?lang=en"))!;

        Assert.Equal(before.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        Assert.Equal("Community SOP · Li", after.Properties.Get<string>("X-WR-CALNAME"));
        CalendarEvent Event(Ical.Net.Calendar c, int id) => c.Events.Single(e => e.Uid == $"sop-task-{id}@localhost");
        var done = Event(after, tasks[0].Id);
        Assert.StartsWith("✓ [", done.Summary);
        Assert.Equal("CONFIRMED", done.Status);
        Assert.StartsWith("Today's product\n\n✓ Done by test-Manager at ", done.Description);
        Assert.True(done.Sequence > Event(before, tasks[0].Id).Sequence);
        var skipped = Event(after, tasks[1].Id);
        Assert.Equal(("CANCELLED", "Today's product\n\nSkipped: holiday"), (skipped.Status, skipped.Description));
        Assert.Equal("SKIPPED", skipped.Properties.Get<string>(SopFeedCalendar.StateProperty));
        Assert.Equal("PENDING", Event(after, tasks[2].Id).Properties.Get<string>(SopFeedCalendar.StateProperty));
    }

    [Fact]
    public async Task Feed_ReachesSevenDaysBack()
    {
        var (me, _) = await UserAsync("feed-past@example.cn", null);
        var plan = await _manager.CreatePlanAsync("Daily", SopApi.Step(assignee: me.Email));
        await _manager.ApplyAsync(plan.Id, (await _manager.CreateOpenGroupAsync()).Id);
        var tasks = await _manager.TasksAsync($"&planId={plan.Id}");
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow)).ToDateTime(new TimeOnly(10, 0));
        // Done tasks are never moved by materialisation: these two stay in the past.
        await MoveAsync(tasks[0].Id, PortalTime.ToUtc(today.AddDays(-SopFeedEndpoints.DaysBack)));
        await MoveAsync(tasks[1].Id, PortalTime.ToUtc(today.AddDays(-SopFeedEndpoints.DaysBack - 1)));

        var uids = Ical.Net.Calendar.Load(await _anonymous.GetStringAsync($"/sop/feed/{await Tokens.CreateAsync(me.Id)}.ics"))!.Events.Select(e => e.Uid).ToList();

        Assert.Contains($"sop-task-{tasks[0].Id}@localhost", uids);
        Assert.DoesNotContain($"sop-task-{tasks[1].Id}@localhost", uids);
    }

    [Fact]
    public async Task Token_RegeneratedOrRevoked_TheOldAddressAnswers404()
    {
        var (me, _) = await UserAsync("feed-token@example.cn", null);
        Assert.False((await Tokens.GetAsync(me.Id)).IsActive);

        var first = await Tokens.CreateAsync(me.Id);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/sop/feed/{first}.ics")).StatusCode);
        var second = await Tokens.CreateAsync(me.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/sop/feed/{first}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/sop/feed/{second}.ics")).StatusCode);
        Assert.True((await Tokens.GetAsync(me.Id)).IsActive);
        Assert.Equal(SopFeedTokens.TokenLength, second.Length);

        await using (var db = await Database().CreateDbContextAsync())
        {
            var stored = await db.Set<SopFeedToken>().Where(t => t.UserId == me.Id).ToListAsync();
            Assert.Equal([SopFeedTokens.Hash(second)], stored.Where(t => t.RevokedAt == null).Select(t => t.TokenHash));
            Assert.DoesNotContain(stored, t => t.TokenHash == first || t.TokenHash == second);
        }

        Assert.True(await Tokens.RevokeAsync(me.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/sop/feed/{second}.ics")).StatusCode);
        Assert.False((await Tokens.GetAsync(me.Id)).IsActive);
        Assert.False(await Tokens.RevokeAsync(me.Id));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("..%2F..%2Fetc")]
    public async Task Feed_ForAnUnknownToken_Is404(string token) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/sop/feed/{token}.ics")).StatusCode);

    [Fact]
    public async Task Feed_OfALockedAccount_Is404()
    {
        var (me, users) = await UserAsync("feed-locked@example.cn", null);
        var token = await Tokens.CreateAsync(me.Id);
        Assert.Equal(HttpStatusCode.OK, (await _anonymous.GetAsync($"/sop/feed/{token}.ics")).StatusCode);

        await users.SetLockoutEndDateAsync(me, DateTimeOffset.UtcNow.AddYears(100));

        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/sop/feed/{token}.ics")).StatusCode);
    }

    /// <summary>RFC 5545 3.1: no line longer than 75 octets (without its CRLF), longer ones folded with CRLF + space.</summary>
    private static void AssertFolded(string body)
    {
        Assert.DoesNotContain("\n", body.Replace("\r\n", ""));
        var lines = body.Split("\r\n");
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' '));
    }

    private SopFeedTokens Tokens => factory.Services.GetRequiredService<SopFeedTokens>();

    private IDbContextFactory<PortalDbContext> Database() => factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    private async Task MoveAsync(int taskId, DateTime dueAt)
    {
        await using var db = await Database().CreateDbContextAsync();
        await db.Set<SopTask>().Where(t => t.Id == taskId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.DueAt, dueAt).SetProperty(t => t.State, SopTaskState.Done).SetProperty(t => t.DoneAt, dueAt));
    }

    private async Task<(ApplicationUser User, UserManager<ApplicationUser> Users)> UserAsync(string email, string? name)
    {
        await factory.CreateUserAsync(email, "Feed-secret-2026", Roles.Operator, name);
        var users = factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return ((await users.FindByEmailAsync(email))!, users);
    }
}
