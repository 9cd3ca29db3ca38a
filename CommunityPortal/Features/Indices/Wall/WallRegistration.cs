using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>The wall screen (/wall/{token}) and its links (/indices/wall-links); both are pages, so nothing to map.</summary>
public static class WallRegistration
{
    public static IServiceCollection AddWall(this IServiceCollection services)
    {
        services.AddOptions<WallOptions>().BindConfiguration(WallOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WallWords>();
        services.AddSingleton<WallLinkRevocations>();
        services.AddScoped<WallLinks>();
        return services;
    }
}
