using CommunityPortal.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>The wall screen (/wall/{token}), its "not valid" page and its links (/indices/wall-links).</summary>
public static class WallRegistration
{
    public const string PathPrefix = "/wall";

    public static IServiceCollection AddWall(this IServiceCollection services)
    {
        services.AddOptions<WallOptions>().BindConfiguration(WallOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WallWords>();
        services.AddSingleton<WallLinkRevocations>();
        services.AddScoped<WallLinks>();
        // The wall is Chinese whatever the TV's browser or an old cookie says (issue 11): its page request (so the
        // prerendered page, <html lang> and number formats) is zh-CN. Its circuit's culture comes from the cookie, which
        // is why the page reads its words through WallWords, not the current culture.
        services.PostConfigure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(0,
            new CustomRequestCultureProvider(http => Task.FromResult(
                http.Request.Path.StartsWithSegments(PathPrefix) ? new ProviderCultureResult(PortalCultures.Default) : null))));
        return services;
    }
}
