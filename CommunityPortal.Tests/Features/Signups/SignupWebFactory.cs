using System.Net;
using System.Text.RegularExpressions;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>The app in-process for the public sign-up page; the per-address limit is off unless a test sets one.</summary>
public sealed class SignupWebFactory(int postsPerMinute = 0) : PortalWebFactory
{
    public const string WeChatAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2f) NetType/WIFI Language/zh_CN";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Signups:PostsPerMinutePerAddress", postsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A phone's browser: its own cookies (antiforgery, the remembered member), WeChat's user agent.</summary>
    public HttpClient Phone()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
        return client;
    }

    /// <summary>A client that keeps no cookies: the test sends the ones it means to.</summary>
    public HttpClient Bare()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
        return client;
    }
}

/// <summary>The form's antiforgery pair as a browser holds it: the cookie and the hidden field.</summary>
public sealed record FormToken(string Cookie, string Token)
{
    public const string FieldName = "__RequestVerificationToken";

    public static async Task<FormToken> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, $"name=\"{FieldName}\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0]
            : "";
        Assert.False(string.IsNullOrEmpty(token), "The form has no antiforgery field.");
        return new FormToken(cookie, token);
    }

    /// <summary>A POST of the form's fields (and the token) with only the antiforgery cookie.</summary>
    public HttpRequestMessage Post(string slug, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/s/{slug}")
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new(FieldName, Token)]),
        };
        request.Headers.Add("Cookie", Cookie);
        return request;
    }
}

public static class HtmlAssert
{
    public static async Task<string> PageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }
}
