using CommunityPortal.Infrastructure.Web;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Printed and downloaded codes carry the public address (Portal:PublicBaseUrl, <see cref="PublicAddress"/>): a link
/// to this portal made from the operator's browser address (http://localhost:5080/q/…) is moved onto it, whoever made
/// the link. Links elsewhere are left as they are.
/// </summary>
public static class PrintedAddress
{
    public static string For(string url, PublicAddress address, string requestBase)
    {
        var browser = requestBase.EndsWith('/') ? requestBase : requestBase + "/";
        var printed = address.BaseFor(requestBase);
        return url.StartsWith(browser, StringComparison.OrdinalIgnoreCase) && printed != browser
            ? printed + url[browser.Length..]
            : url;
    }
}
