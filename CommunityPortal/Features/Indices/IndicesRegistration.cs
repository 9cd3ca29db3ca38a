using CommunityPortal.Features.Indices.Dashboards;

namespace CommunityPortal.Features.Indices;

/// <summary>运营指数: the event stream, the aggregator, the index queries, dashboards, the wall screen and the hub.</summary>
public static class IndicesRegistration
{
    public static IServiceCollection AddIndices(this IServiceCollection services)
    {
        services.AddIndexDashboards();
        return services;
    }

    /// <summary>/api/v1/indices/*, /hubs/indices.</summary>
    public static IEndpointRouteBuilder MapIndices(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        _ = api;
        app.MapIndexDashboards();
        return app;
    }
}
