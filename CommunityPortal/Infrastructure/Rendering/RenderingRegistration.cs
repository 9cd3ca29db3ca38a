using Microsoft.Extensions.DependencyInjection.Extensions;

using CommunityPortal.Features.Posters.Batch;
using CommunityPortal.Features.Posters.Editor;
namespace CommunityPortal.Infrastructure.Rendering;

public static class RenderingRegistration
{
    public static IServiceCollection AddRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Rendering").Get<RenderingOptions>() ?? new RenderingOptions());
        services.AddSingleton<QrImageService>();
        services.AddSingleton<PosterFont>();
        services.AddHostedService<PosterFontCheck>();
        services.AddSingleton<PosterService>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PosterDrafts>();
        services.AddSingleton<PosterBatchService>();
        services.AddSingleton<PosterBatchDrafts>();
        // Reads live codes through their services (registered by AddLiveCodes); resolved only by the batch page.
        services.AddScoped<LiveCodePosterTargets>();
        return services;
    }
}
