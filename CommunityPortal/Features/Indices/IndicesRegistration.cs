using CommunityPortal.Features.Indices.Hub;
using CommunityPortal.Features.Indices.Wall;

namespace CommunityPortal.Features.Indices;

/// <summary>运营指数: the event stream, the aggregator, the index queries, dashboards, the wall screen and the hub.</summary>
public static class IndicesRegistration
{
    public static IServiceCollection AddIndices(this IServiceCollection services)
    {
        services.AddWall();
        services.AddIndicesHub();
        return services;
    }

    /// <summary>/api/v1/indices/*, /hubs/indices.</summary>
    public static IEndpointRouteBuilder MapIndices(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        _ = api;
        app.MapWall();
        app.MapIndicesHub();
        return app;
    }
}
