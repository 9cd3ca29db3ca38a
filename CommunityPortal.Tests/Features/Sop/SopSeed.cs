using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPortal.Tests.Features.Sop;

/// <summary>The test database with a clock the test moves: Monday 2030-01-07 08:00 in Shanghai (00:00 UTC) to start.</summary>
public sealed class SopDatabase : PortalDatabase
{
    public static readonly DateTimeOffset Start = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TimeProvider>(Clock);
        base.Register(services, configuration);
    }
}

/// <summary>A fresh <see cref="SopDatabase"/> per test and the matrix and plans the tests build on.</summary>
public abstract class SopTest : IAsyncLifetime
{
    protected SopDatabase Database { get; } = new();

    protected FakeTimeProvider Clock => Database.Clock;

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    public virtual Task DisposeAsync() => Database.DisposeAsync();

    protected T Get<T>() where T : notnull => Database.Get<T>();

    protected SopPlanService Plans => Get<SopPlanService>();

    protected SopAssignmentService Assignments => Get<SopAssignmentService>();

    protected SopMaterializer Materializer => Get<SopMaterializer>();

    protected SopTaskReader Reader => Get<SopTaskReader>();

    /// <summary>A theme, a series and an activity starting on <paramref name="start"/> with the named groups.</summary>
    protected async Task<(int SeriesId, int ActivityId, int[] GroupIds)> ActivityAsync(DateOnly start, params string[] groups)
    {
        using var scope = Database.Services.CreateScope();
        var services = scope.ServiceProvider;
        var theme = await services.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "主题" + Guid.NewGuid().ToString("N")[..6] });
        var series = await services.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "好物系列" });
        var activity = await services.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, PeriodNo = 1, Name = "第一期", StartDate = start, EndDate = start.AddDays(6),
        });
        var ids = new List<int>();
        foreach (var name in groups)
        {
            ids.Add((await GroupAsync(name, activity.Id)).Id);
        }
        return (series.Id, activity.Id, [.. ids]);
    }

    protected async Task<GroupDto> GroupAsync(string name, int? activityId = null, string? ownerEmail = null, GroupTier tier = GroupTier.Welfare,
        GroupStatus status = GroupStatus.Planned, List<string>? labels = null)
    {
        using var scope = Database.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GroupService>().CreateAsync(new GroupInput
        {
            Name = name, ActivityId = activityId, OwnerEmail = ownerEmail, Tier = tier, Status = status, Labels = labels ?? [],
        });
    }

    protected static SopStepInput Step(string time, string title, string content = "内容", int offset = 0, DayOfWeek[]? days = null) =>
        new() { Time = time, Title = title, Content = content, DayOffset = offset, Weekdays = [.. days ?? []] };

    protected Task<SopPlanDto> PlanAsync(SopPlanKind kind, params SopStepInput[] steps) =>
        Plans.CreateAsync(new SopPlanInput { Name = "计划" + Guid.NewGuid().ToString("N")[..6], Kind = kind, Steps = [.. steps] }, null);

    protected Task<IReadOnlyList<SopTaskDto>> TasksAsync(int? groupId = null, int days = 30) =>
        Reader.ListAsync(new SopTaskQuery(SopDatabase.Start.UtcDateTime.AddDays(-7), SopDatabase.Start.UtcDateTime.AddDays(days)) { GroupId = groupId });

    protected static DateTime Local(int day, int hour, int minute = 0) =>
        PortalTime.ToUtc(new DateTime(2030, 1, day, hour, minute, 0, DateTimeKind.Unspecified));
}
