using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Calendar;

/// <summary>
/// bUnit over a real database with the SOP feature and the SOP tests' clock: Monday 2030-01-07 08:00 in Shanghai. People are
/// made with the ids <see cref="ComponentTest.SignInAs"/> signs in with ("user-" + name), so "my tasks" are theirs.
/// </summary>
public abstract class SopCalendarTest : ComponentTest
{
    protected FakeTimeProvider Clock { get; } = new(SopDatabase.Start);

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSop();
    }

    protected SopTaskReader Reader => Get<SopTaskReader>();

    protected SopTaskService Tasks => Get<SopTaskService>();

    /// <summary>A portal user named <paramref name="name"/>; returns the e-mail groups name as their owner.</summary>
    protected async Task<string> PersonAsync(string name)
    {
        var email = $"{Guid.NewGuid():N}@example.cn";
        await using var db = Database.CreateDbContext();
        db.Users.Add(new ApplicationUser
        {
            Id = "user-" + name, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = SopDatabase.Start.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return email;
    }

    protected async Task<(int SeriesId, int ActivityId)> ActivityAsync(string series = "好物系列")
    {
        using var scope = Services.CreateScope();
        var sp = scope.ServiceProvider;
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "主题" + Guid.NewGuid().ToString("N")[..6] });
        var created = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = series });
        var activity = await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = created.Id, PeriodNo = 1, Name = "第一期", StartDate = new DateOnly(2030, 1, 7), EndDate = new DateOnly(2030, 1, 13),
        });
        return (created.Id, activity.Id);
    }

    protected async Task<GroupDto> GroupAsync(string name, string? ownerEmail = null, int? activityId = null)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GroupService>().CreateAsync(new GroupInput
        {
            Name = name, OwnerEmail = ownerEmail, ActivityId = activityId, Tier = GroupTier.Welfare, Status = GroupStatus.Open,
        });
    }

    /// <summary>A daily plan (tasks for the group's owner) applied to the groups at once: 14 days of tasks from today.</summary>
    protected async Task<SopPlanDto> DailyPlanAsync(int[] groupIds, params (string Time, string Title, string Content)[] steps)
    {
        var plan = await Get<SopPlanService>().CreateAsync(new SopPlanInput
        {
            Name = "日SOP" + Guid.NewGuid().ToString("N")[..6],
            Kind = SopPlanKind.Daily,
            Steps = [.. steps.Select(s => new SopStepInput { Time = s.Time, Title = s.Title, Content = s.Content })],
        }, null);
        await Get<SopAssignmentService>().ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [.. groupIds] }, null);
        return plan;
    }

    /// <summary>The tasks of one day of January 2030 (Shanghai), earliest first.</summary>
    protected async Task<IReadOnlyList<SopTaskDto>> TasksOnAsync(int day, int? groupId = null) =>
        await Reader.ListAsync(new SopTaskQuery(Local(day, 0), Local(day + 1, 0)) { GroupId = groupId });

    /// <summary>The ids of every task of a group in January 2030, in order.</summary>
    protected async Task<List<int>> IdsAsync(int groupId) =>
        [.. (await Reader.ListAsync(new SopTaskQuery(Local(1, 0), Local(31, 0)) { GroupId = groupId })).Select(t => t.Id).Order()];

    protected static DateTime Local(int day, int hour, int minute = 0) =>
        PortalTime.ToUtc(new DateTime(2030, 1, day, hour, minute, 0, DateTimeKind.Unspecified));

    protected static SopActor Manager { get; } = new("boss", "经理", true);

    /// <summary>The dialogs, popovers and toasts the page needs, rendered before it.</summary>
    protected (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Toasts) Providers()
    {
        Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }

    /// <summary>The keys (task ids) of the calendar items shown, and the tone class of each.</summary>
    protected static Dictionary<int, string> Shown(IRenderedComponent<CommunityPortal.Features.Sop.Calendar.SopCalendarPage> page) =>
        page.FindAll("[data-testid=calendar-hours] [data-testid=calendar-item], [data-testid=calendar-month] [data-testid=calendar-item]")
            .ToDictionary(e => int.Parse(e.GetAttribute("data-key")!), e => e.ClassList.First(c => c.StartsWith("cal-tone-")));
}
