using System.Net;
using System.Text.RegularExpressions;

namespace CommunityPortal.Tests.Support;

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
