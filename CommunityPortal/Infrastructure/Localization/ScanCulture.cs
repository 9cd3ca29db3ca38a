using System.Globalization;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;

namespace CommunityPortal.Infrastructure.Localization;

/// <summary>
/// The scan page's culture: the portal's culture cookie when it names a supported culture, else Chinese. The scan
/// endpoints skip the request-localization middleware (they short-circuit), so they read the cookie themselves.
/// </summary>
internal static class ScanCulture
{
    private static readonly Dictionary<string, CultureInfo> Cultures =
        PortalCultures.Supported.ToDictionary(c => c, c => CultureInfo.GetCultureInfo(c), StringComparer.OrdinalIgnoreCase);

    public static void Apply(HttpContext http)
    {
        var culture = Cultures[PortalCultures.Default];
        if (http.Request.Cookies.TryGetValue(CookieRequestCultureProvider.DefaultCookieName, out var value)
            && CookieRequestCultureProvider.ParseCookieValue(value) is { } parsed
            && parsed.UICultures.FirstOrDefault().Value is { } name
            && Cultures.TryGetValue(name, out var chosen))
        {
            culture = chosen;
        }
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
    }
}
