using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.Indices.Api;
using CommunityPortal.Features.Indices.Dashboards;
using CommunityPortal.Features.Indices.Hub;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Indices.Stream;
using CommunityPortal.Features.Indices.Wall;

namespace CommunityPortal.Features.Indices;

/// <summary>运营指数: the event stream, the aggregator, the index queries, dashboards, the wall screen and the hub.</summary>
public static class IndicesRegistration
{
    public static IServiceCollection AddIndices(this IServiceCollection services)
    {
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IndexStreamReader>();
        // The inbox listens from the host's start, before the aggregator begins its rebuild.
        services.AddSingleton<IndexInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexInbox>());
        services.AddSingleton<IndexAggregator>();
        services.AddSingleton<IIndexChanges>(sp => sp.GetRequiredService<IndexAggregator>());
        services.AddHostedService(sp => sp.GetRequiredService<IndexAggregator>());
        services.AddSingleton<IndexQueries>();
        services.AddSingleton<IIndexQueries>(sp => sp.GetRequiredService<IndexQueries>());
        services.AddSingleton<IndexEventsRange>();
        services.AddWall();
        services.AddIndicesHub();
        services.AddIndexDashboards();
        return services;
    }

    /// <summary>/api/v1/indices/*, the wall screen, /hubs/indices, the dashboards' CSV downloads.</summary>
    public static IEndpointRouteBuilder MapIndices(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapIndicesApi();
        app.MapWall();
        app.MapIndicesHub();
        app.MapIndexDashboards();
        return app;
    }
}
