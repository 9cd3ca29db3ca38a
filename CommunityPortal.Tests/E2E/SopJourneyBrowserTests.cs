using System.Text.RegularExpressions;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Templates;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>The real app on a Kestrel port over its own SQLite file, on a clock the test moves (reminders fall due).</summary>
public sealed class SopJourneyServer() : PortalFactory(new() { Kestrel = true, Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) })
{
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
}

/// <summary>
/// Issue 10 end to end: a manager applies the 开群仪式 template to a new activity's groups; the calendar shows each group's
/// tasks for the coming days; at due time (test clock) the operator gets a reminder, copies the rendered text and marks
/// it done; the task is in the operator's calendar feed, read back by Ical.Net.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SopJourneyBrowserTests(ChromiumFixture chromium, SopJourneyServer server) : IClassFixture<SopJourneyServer>, IAsyncLifetime
{
    private const string Manager = "sop-manager@example.com";
    private const string Operator = "sop-operator@example.com";
    private const string Password = "Journey-secret-2026";

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(Manager, Password, Roles.Manager, "李经理");
        await server.CreateUserAsync(Operator, Password, Roles.Operator, "王运营");
        using var scope = server.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SopTemplateSeeder>().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Template_Applied_Calendar_Reminder_Copy_Done_Feed()
    {
        var opening = DateOnly.FromDateTime(PortalTime.ToLocal(server.Clock.GetUtcNow().UtcDateTime)).AddDays(1);
        await SeedActivityAsync(opening, "好物 第5期", "好物5期-1群", "好物5期-2群");

        // The manager applies the template in the browser.
        var manager = await chromium.NewPageAsync();
        await new LoginPage(manager, server.BaseUrl).SignInAsync(Manager, Password);
        var sop = new SopPlanPages(manager, server.BaseUrl);
        await sop.WaitInteractiveAsync();
        await sop.OpenListAsync();
        await sop.Tab("模板").ClickAsync();
        await sop.UseTemplateAsync("开群仪式");
        await Assertions.Expect(manager).ToHaveURLAsync(new Regex(@"/sop/plans/\d+$"));
        await sop.OpenApplyAsync();
        await sop.PickActivityGroupsAsync("好物系列 · 好物 第5期");
        await sop.Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(sop.Assignments).ToHaveTextAsync(["好物5期-1群", "好物5期-2群"]);

        // The calendar's agenda shows both groups' tasks for the coming days: 8 steps each, opening day to day 3.
        await sop.GotoAsync("sop/calendar");
        await manager.GetByTestId("calendar-view-agenda").ClickAsync();
        var items = manager.GetByTestId("calendar-item");
        await Assertions.Expect(items).ToHaveCountAsync(16);
        await Assertions.Expect(items.Filter(new() { HasText = "好物5期-1群" })).ToHaveCountAsync(8);
        await Assertions.Expect(manager.GetByTestId("calendar-agenda-day")).ToHaveCountAsync(4);
        await Screenshots.TakeAsync(manager, "sop-journey-calendar-zh");
        await manager.Context.CloseAsync();

        // The operator owns the groups and has the portal open when the first task falls due.
        var context = await chromium.Browser.NewContextAsync(new()
        {
            Locale = "zh-CN", ViewportSize = new() { Width = 1366, Height = 900 }, Permissions = ["clipboard-read", "clipboard-write"],
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Operator, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("/");
        await portal.WaitInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("sop-today")).ToBeVisibleAsync();

        var welcome = await FirstTaskAsync("好物5期-1群");
        server.Clock.SetUtcNow(new DateTimeOffset(welcome.DueAt));
        var toast = page.GetByTestId("toast").Filter(new() { HasText = "好物5期-1群" });
        await Assertions.Expect(toast.First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "sop-journey-reminder-zh");

        // From the bell to the task: copy the rendered text, then mark it done.
        await page.GetByTestId("alert-bell").ClickAsync();
        await page.GetByTestId("alert-item").Filter(new() { HasText = "好物5期-1群" }).First.ClickAsync();
        var task = page.GetByTestId("sop-task");
        await Assertions.Expect(task).ToHaveAttributeAsync("data-task", welcome.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("sop-task-content")).ToHaveTextAsync(welcome.Content);
        await page.GetByTestId("sop-task-copy").ClickAsync();
        await Assertions.Expect(page.GetByText("已复制，可以到微信群里粘贴了").First).ToBeVisibleAsync();
        Assert.Equal(welcome.Content, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.GetByTestId("sop-task-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sop-task-state")).ToHaveAttributeAsync("data-state", "Done");
        await Screenshots.TakeAsync(page, "sop-journey-done-zh");

        // The operator's calendar feed has the task, done, read back by a real iCalendar parser.
        await portal.GotoAsync("sop/feed");
        await page.GetByTestId("feed-create").ClickAsync();
        var url = await page.Locator("#sop-feed-url").InputValueAsync();
        Assert.Matches(@"/sop/feed/[A-Za-z0-9_-]{43}\.ics$", url);
        using var http = new HttpClient();
        var calendar = Ical.Net.Calendar.Load(await http.GetStringAsync(new Uri(new Uri(server.BaseUrl), new Uri(url).AbsolutePath)))!;
        var ev = Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"sop-task-{welcome.Id}@", StringComparison.Ordinal));
        Assert.StartsWith(welcome.Content + "\n", ev.Description, StringComparison.Ordinal);
        Assert.Contains("王运营", ev.Description);
        Assert.Contains("好物5期-1群", ev.Summary);
        Assert.Equal(16, calendar.Events.Count);
        await context.CloseAsync();
    }

    private async Task<SopTask> FirstTaskAsync(string group)
    {
        using var scope = server.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CommunityPortal.Data.PortalDbContext>>().CreateDbContextAsync();
        var groupId = await db.Set<CommunityPortal.Features.Matrix.Group>().Where(g => g.Name == group).Select(g => g.Id).SingleAsync();
        return await db.Set<SopTask>().Where(t => t.GroupId == groupId).OrderBy(t => t.DueAt).FirstAsync();
    }

    private async Task SeedActivityAsync(DateOnly start, string activity, params string[] groups)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "好物" });
        var series = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "好物系列" });
        var period = await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, Name = activity, StartDate = start, EndDate = start.AddDays(6),
        });
        foreach (var group in groups)
        {
            await sp.GetRequiredService<GroupService>().CreateAsync(new GroupInput
            {
                Name = group, ActivityId = period.Id, Status = GroupStatus.Planned, OwnerEmail = Operator,
            });
        }
    }
}
