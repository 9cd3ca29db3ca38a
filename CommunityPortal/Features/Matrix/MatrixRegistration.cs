using Microsoft.Extensions.DependencyInjection.Extensions;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Matrix.Tree;

namespace CommunityPortal.Features.Matrix;

public static class MatrixRegistration
{
    public static IServiceCollection AddMatrix(this IServiceCollection services)
    {
        services.AddScoped<ThemeService>();
        services.AddScoped<SeriesService>();
        services.AddScoped<ActivityService>();
        services.TryAddSingleton<IGroupMembershipRecords, NoGroupMembershipRecords>();
        services.AddScoped<GroupService>();
        services.TryAddSingleton<IActivityRecords, NoActivityRecords>();
        services.AddScoped<GroupQueryService>();
        services.AddScoped<MatrixTreeService>();
        services.AddScoped<MatrixCommands>();
        return services;
    }

    /// <summary>/api/v1/themes, /series, /activities and /groups.</summary>
    public static IEndpointRouteBuilder MapMatrix(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapThemesApi();
        api.MapSeriesApi();
        api.MapActivitiesApi();
        api.MapGroupsApi();
        return app;
    }
}
