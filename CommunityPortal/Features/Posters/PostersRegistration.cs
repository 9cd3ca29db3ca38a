using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Posters.Batch;
using CommunityPortal.Features.Posters.Editor;
using CommunityPortal.Infrastructure.Rendering;

namespace CommunityPortal.Features.Posters;

/// <summary>The poster editor and batch pages, their downloads under /render, and POST /api/v1/posters/*.</summary>
public static class PostersRegistration
{
    public static IServiceCollection AddPosters(this IServiceCollection services)
    {
        services.AddSingleton<PosterBatchService>();
        services.AddSingleton<PosterBatchDrafts>();
        // Reads live codes through their services (registered by AddLiveCodes); resolved only by the batch page.
        services.AddScoped<LiveCodePosterTargets>();
        services.AddSlot<PosterBatchLink>(LiveCodeSlots.ChannelCodesActions, 10);
        return services;
    }

    public static IEndpointRouteBuilder MapPosters(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPostersApi();
        app.MapRenderGroup().MapPosterBatches();
        return app;
    }
}
