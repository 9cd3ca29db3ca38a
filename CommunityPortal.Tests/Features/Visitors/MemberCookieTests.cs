using CommunityPortal.Features.Visitors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CommunityPortal.Tests.Features.Visitors;

/// <summary>The signed member cookie: remembered by the sign-up page, read back by the scan and sign-up pages, never forged.</summary>
public sealed class MemberCookieTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();

    private static DefaultHttpContext Request(string? cookie = null)
    {
        var http = new DefaultHttpContext();
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"{MemberCookie.Name}={cookie}";
        }
        return http;
    }

    /// <summary>The cookie a browser holds after <see cref="MemberCookie.Remember"/>: its value and its options.</summary>
    private static SetCookieHeaderValue Remembered(MemberCookie members, int memberId, bool https = false)
    {
        var http = new DefaultHttpContext();
        http.Request.IsHttps = https;
        members.Remember(http, memberId);
        return SetCookieHeaderValue.Parse(http.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void Remember_ThenMemberOf_GivesTheMemberBack()
    {
        var members = new MemberCookie(_keys);

        var cookie = Remembered(members, 42);

        Assert.Equal(42, members.MemberOf(Request(cookie.Value.ToString())));
    }

    [Fact]
    public void Remember_SetsAnHttpOnlyLaxCookie_ForTheWholeSite_For180Days_SecureOverHttps()
    {
        var cookie = Remembered(new MemberCookie(_keys), 42, https: true);

        Assert.Equal(MemberCookie.Name, cookie.Name.ToString());
        Assert.NotEqual("42", cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal(TimeSpan.FromDays(180), cookie.MaxAge);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("CfDJ8forged-token-value")]
    public void MemberOf_WithoutAValidlySignedCookie_IsNobody(string? value) =>
        Assert.Null(new MemberCookie(_keys).MemberOf(Request(value)));

    [Fact]
    public void ACookieSignedForAnotherPurpose_IsNobody()
    {
        var other = _keys.CreateProtector("CommunityPortal.Signups.UnionId.v1").ToTimeLimitedDataProtector().Protect("42", TimeSpan.FromDays(1));

        Assert.Null(new MemberCookie(_keys).MemberOf(Request(other)));
    }

    [Fact]
    public void ACookieMadeBeforeTheMove_UnderTheSignupsPurpose_IsStillRead()
    {
        // What SignupTokens.RememberMember wrote before the cookies had their own module: browsers hold these for 180 days.
        var earlier = _keys.CreateProtector("CommunityPortal.Signups.Member.v1").ToTimeLimitedDataProtector().Protect("7", TimeSpan.FromDays(180));

        Assert.Equal(7, new MemberCookie(_keys).MemberOf(Request(earlier)));
    }

    [Fact]
    public void AnExpiredCookie_IsNobody()
    {
        var expired = _keys.CreateProtector("CommunityPortal.Signups.Member.v1").ToTimeLimitedDataProtector()
            .Protect("7", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Null(new MemberCookie(_keys).MemberOf(Request(expired)));
    }
}
