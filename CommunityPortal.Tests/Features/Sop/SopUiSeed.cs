using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Sop;

/// <summary>What the plan pages' tests start from: an activity with groups, and plans made through the service.</summary>
internal static class SopUiSeed
{
    /// <summary>A theme, series and activity (started today) with the named groups; returns the activity and the group ids.</summary>
    public static async Task<(ActivityDto Activity, int[] GroupIds)> ActivityAsync(IServiceProvider services, string name, params string[] groups)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "社群运营 " + suffix });
        var series = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "读书会 " + suffix });
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        var activity = await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, Name = name, StartDate = today, EndDate = today.AddDays(6),
        });
        var ids = new List<int>();
        foreach (var group in groups)
        {
            ids.Add((await sp.GetRequiredService<GroupService>().CreateAsync(new GroupInput
            {
                Name = group, ActivityId = activity.Id, Tier = GroupTier.Welfare, Status = GroupStatus.Open, Capacity = 200,
            })).Id);
        }
        return (activity, [.. ids]);
    }

    public static SopStepInput Step(string time, string title, string content = "大家好，欢迎来到{group}！") =>
        new() { Time = time, Title = title, Content = content };

    /// <summary>A daily plan: a task every day at each step's time, so applying it always makes tasks within the horizon.</summary>
    public static async Task<SopPlanDto> PlanAsync(IServiceProvider services, string name, params SopStepInput[] steps)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SopPlanService>().CreateAsync(new SopPlanInput
        {
            Name = name, Kind = SopPlanKind.Daily, Steps = steps.Length > 0 ? [.. steps] : [Step("09:00", "早安问候"), Step("21:00", "晚间总结")],
        }, null);
    }
}
