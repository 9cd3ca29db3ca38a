using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>Clients as the public pages meet them: a phone's browser inside WeChat.</summary>
public static class PhoneClients
{
    public const string WeChatAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2f) NetType/WIFI Language/zh_CN";

    /// <summary>A phone's browser: its own cookies (antiforgery, the remembered member), WeChat's user agent.</summary>
    public static HttpClient Phone(this PortalFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
        return client;
    }

    /// <summary>A client that keeps no cookies: the test sends the ones it means to.</summary>
    public static HttpClient Bare(this PortalFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
        return client;
    }
}
