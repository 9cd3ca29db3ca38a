using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using ThemeService = CommunityPortal.Features.Matrix.Themes.ThemeService;

namespace CommunityPortal.Tests.Features.Matrix;

/// <summary>bUnit over the real matrix services (ComponentTest), with matrix seeding helpers.</summary>
public abstract class MatrixComponentTestBase : ComponentTest
{
    /// <summary>Matrix tests seed and check through the database's own services, as a second user would.</summary>
    protected new T Get<T>() where T : notnull => Database.Get<T>();

    protected async Task<ActivityDto> SeedActivityAsync(string theme = "读书会", string series = "21天共读")
    {
        var t = await Get<ThemeService>().CreateAsync(new ThemeInput { Name = theme });
        var s = await Get<SeriesService>().CreateAsync(new SeriesInput { ThemeId = t.Id, Name = series });
        return await Get<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = s.Id,
            StartDate = new DateOnly(2026, 12, 1),
            EndDate = new DateOnly(2026, 12, 7),
        });
    }

    protected Task<GroupDto> SeedGroupAsync(int? activityId, string name, int members, int capacity = 200) =>
        Get<GroupService>().CreateAsync(new GroupInput
        {
            ActivityId = activityId,
            Name = name,
            MemberCount = members,
            Capacity = capacity,
            Lifetime = activityId is null ? GroupLifetime.LongTerm : GroupLifetime.Temporary,
        });
}
