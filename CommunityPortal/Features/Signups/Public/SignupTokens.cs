using System.Security.Cryptography;
using CommunityPortal.Features.Members;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityPortal.Features.Signups.Public;

/// <summary>
/// What the public page may trust, signed with the portal's Data Protection keys: a UnionID handed over in the link
/// (?unionid=…, made by <see cref="ProtectUnionId"/> — e.g. by a WeChat OAuth callback or a personal invitation link), and
/// the member a browser signed up as (an HttpOnly cookie). A bare UnionID in a URL is never trusted: anyone could type
/// someone else's and sign up in their name.
/// </summary>
public sealed class SignupTokens(IDataProtectionProvider provider)
{
    public const string MemberCookie = "cp_member";
    public static readonly TimeSpan DefaultUnionIdLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MemberLifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _unionIds = provider.CreateProtector("CommunityPortal.Signups.UnionId.v1").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _members = provider.CreateProtector("CommunityPortal.Signups.Member.v1").ToTimeLimitedDataProtector();

    /// <summary>The value of the page's unionid parameter for this UnionID: /s/{slug}?unionid={token}.</summary>
    public string ProtectUnionId(string unionId, TimeSpan? lifetime = null)
    {
        if (!MemberRules.IsUnionId(unionId))
        {
            throw new ArgumentException("Not a UnionID.", nameof(unionId));
        }
        return _unionIds.Protect(unionId, lifetime ?? DefaultUnionIdLifetime);
    }

    /// <summary>The UnionID in a token made by <see cref="ProtectUnionId"/>, or null when it is missing, forged or expired.</summary>
    public string? UnionId(string? token) => Unprotect(_unionIds, token) is { } unionId && MemberRules.IsUnionId(unionId) ? unionId : null;

    public string? ProtectedUnionIdOrNull(string? token) => UnionId(token) is null ? null : token;

    /// <summary>The member this browser signed up as, or null.</summary>
    public int? Member(HttpContext http) =>
        http.Request.Cookies.TryGetValue(MemberCookie, out var value) && Unprotect(_members, value) is { } id
        && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var memberId)
            ? memberId : null;

    /// <summary>
    /// Remembers the member in this browser for 180 days. Path "/": the sign-up page recognises them again, and their
    /// later scans of live codes (/q) are put on their timeline.
    /// </summary>
    public void RememberMember(HttpContext http, int memberId) =>
        http.Response.Cookies.Append(MemberCookie, _members.Protect(memberId.ToString(System.Globalization.CultureInfo.InvariantCulture), MemberLifetime),
            new CookieOptions
            {
                HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = MemberLifetime, Path = "/", IsEssential = true,
            });

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
