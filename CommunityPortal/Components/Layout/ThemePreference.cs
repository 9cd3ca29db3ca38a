namespace CommunityPortal.Components.Layout;

/// <summary>
/// Light or dark, remembered per browser in a cookie that the page reads while rendering on the server, so a wall
/// screen left in dark mode comes back dark without a white flash. Written by <c>portal.rememberTheme</c> (wwwroot/js).
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "portal-theme";

    public static bool IsDark(HttpContext? context) =>
        string.Equals(context?.Request.Cookies[CookieName], "dark", StringComparison.Ordinal);
}
