using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Indices.Dashboards;

public static class DashboardsRegistration
{
    /// <summary>The dashboards' own services; they read the indices through IIndexQueries and IIndexChanges (registered by AddIndices).</summary>
    public static IServiceCollection AddIndexDashboards(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<DashboardChoices>();
        services.AddScoped<DashboardLabels>();
        return services;
    }

    /// <summary>The CSV downloads of the dashboards' tables.</summary>
    public static IEndpointRouteBuilder MapIndexDashboards(this IEndpointRouteBuilder app) => app.MapDashboardCsv();
}
