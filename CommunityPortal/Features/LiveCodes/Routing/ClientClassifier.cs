
namespace CommunityPortal.Features.LiveCodes.Routing;

/// <summary>
/// Sorts a user agent into WeChat / other browser, mobile / desktop, or bot. Bots are link-preview fetchers and
/// crawlers (they request the page when a link is pasted, no person scanned) and scripted clients such as curl, wget
/// and HTTP libraries: none of them is a person who could join a group, so none may use up a seat. An empty user agent
/// is a bot too; every real browser and WeChat's in-app browser send one.
/// </summary>
public static class ClientClassifier
{
    private static readonly string[] BotMarkers =
    [
        "bot", "spider", "crawl", "slurp", "preview", "facebookexternalhit", "facebookcatalog", "meta-externalagent",
        "whatsapp", "skypeuripreview", "embedly", "vkshare", "pinterest", "bitlybot", "curl/", "wget/", "python-",
        "go-http-client", "java/", "okhttp", "libwww", "httpclient", "axios/", "node-fetch", "postman", "headless",
    ];

    public static ClientKind Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return ClientKind.Bot;
        }
        foreach (var marker in BotMarkers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return ClientKind.Bot;
            }
        }
        var weChat = userAgent.Contains("MicroMessenger", StringComparison.OrdinalIgnoreCase);
        var mobile = userAgent.Contains("Mobile", StringComparison.OrdinalIgnoreCase)
            || userAgent.Contains("Android", StringComparison.OrdinalIgnoreCase)
            || userAgent.Contains("iPhone", StringComparison.OrdinalIgnoreCase);
        return (weChat, mobile) switch
        {
            (true, true) => ClientKind.WeChatMobile,
            (true, false) => ClientKind.WeChatDesktop,
            (false, true) => ClientKind.OtherMobile,
            _ => ClientKind.OtherDesktop,
        };
    }
}
