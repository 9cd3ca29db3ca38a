using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CommunityPortal.Infrastructure.Localization;

/// <summary>
/// zh-CN is the default; en is the other. Pages follow the culture cookie set by the switcher;
/// the API (which has no cookie) follows Accept-Language.
/// </summary>
public static class PortalCultures
{
    public const string Default = "zh-CN";
    public static readonly IReadOnlyList<string> Supported = ["zh-CN", "en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        // Each .resx lies beside its marker class and is named after it (namespace + class), so no ResourcesPath.
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context =>
                    context.Request.Path.StartsWithSegments("/api")
                        ? acceptLanguage.DetermineProviderCultureResult(context)
                        : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return services;
    }

    /// <summary>GET /culture?name=en&amp;returnUrl=/groups: remembers the choice in a cookie for a year.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (string? name, string? returnUrl, HttpContext context) =>
        {
            var culture = Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase)) ?? Default;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = IsLocal(returnUrl) ? returnUrl! : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
