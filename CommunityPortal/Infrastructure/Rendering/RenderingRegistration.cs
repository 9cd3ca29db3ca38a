using Microsoft.Extensions.DependencyInjection.Extensions;

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
        return services;
    }
}
