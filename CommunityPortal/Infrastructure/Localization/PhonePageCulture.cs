using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace CommunityPortal.Infrastructure.Localization;

/// <summary>
/// The phone pages' culture (/q scan and /s sign-up): the portal's culture cookie when it names a supported culture,
/// else Chinese. Those endpoints skip the request-localization middleware (they short-circuit), so they read the
/// cookie themselves.
/// </summary>
internal static class PhonePageCulture
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
