using CommunityPortal.Features.Visitors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CommunityPortal.Tests.Features.Visitors;

/// <summary>The 24 h visitor cookie the scan page sets and the sign-up page reads: its value, its stored key, its options.</summary>
public sealed class VisitorCookieTests
{
    private readonly VisitorCookie _visitors = new();

    private static DefaultHttpContext Request(string? cookie = null)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{VisitorCookie.Name}={cookie}";
        }
        return http;
    }

    [Fact]
    public void ValueOf_WithoutTheCookie_GivesANewUrlSafeValue_EachTime()
    {
        var (first, isNew) = _visitors.ValueOf(Request());
        var (second, _) = _visitors.ValueOf(Request());

        Assert.True(isNew);
        Assert.Equal(22, first.Length);
        Assert.All(first, ch => Assert.True(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_', $"'{ch}' in {first}"));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void ValueOf_WithTheCookie_KeepsIt_AndKeyOfIsItsHash()
    {
        var http = Request("Abc-def_0123456789xyz");

        Assert.Equal(("Abc-def_0123456789xyz", false), _visitors.ValueOf(http));
        Assert.Equal(VisitorCookie.Hash("Abc-def_0123456789xyz"), _visitors.KeyOf(http));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in the middle of it")]
    [InlineData("semi;colon-and-more-chars")]
    public void AMalformedCookie_IsNoVisitor_AndIsReplaced(string value)
    {
        var http = Request(Uri.EscapeDataString(value));

        Assert.Null(_visitors.KeyOf(http));
        Assert.True(_visitors.ValueOf(http).IsNew);
    }

    [Fact]
    public void KeyOf_WithoutTheCookie_IsNull() => Assert.Null(_visitors.KeyOf(Request()));

    [Fact]
    public void Hash_IsStable_LowerHex_OfTheStoredLength_AndNeverTheValue()
    {
        var key = VisitorCookie.Hash("Abc-def_0123456789xyz");

        Assert.Equal(VisitorCookie.KeyLength, key.Length);
        Assert.Equal(key, VisitorCookie.Hash("Abc-def_0123456789xyz"));
        Assert.NotEqual(key, VisitorCookie.Hash("Abc-def_0123456789xyZ"));
        Assert.Matches("^[0-9a-f]+$", key);
        Assert.Equal(CommunityPortal.Features.LiveCodes.Scan.VisitorKeyLength, VisitorCookie.KeyLength);
    }

    [Fact]
    public void Issue_SetsAnHttpOnlyLaxCookie_ForTheWholeSite_For24Hours()
    {
        var http = Request();

        _visitors.Issue(http, "Abc-def_0123456789xyz");

        var cookie = SetCookieHeaderValue.Parse(http.Response.Headers.SetCookie.ToString());
        Assert.Equal((VisitorCookie.Name, "Abc-def_0123456789xyz"), (cookie.Name.ToString(), cookie.Value.ToString()));
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal(TimeSpan.FromHours(24), cookie.MaxAge);
        Assert.False(cookie.Secure);
    }
}
