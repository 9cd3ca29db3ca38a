using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityPortal.Features.Visitors;

/// <summary>
/// The member a browser signed up as: an HttpOnly cookie signed with the portal's Data Protection keys, set by the
/// sign-up page (/s), which then recognises the person again, and read by live codes (/q), whose later scans then
/// carry the member.
/// </summary>
public sealed class MemberCookie(IDataProtectionProvider provider)
{
    public const string Name = "cp_member";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    // The purpose the cookie was first signed under (by the sign-ups feature): changing it would forget every member
    // remembered so far.
    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("CommunityPortal.Signups.Member.v1").ToTimeLimitedDataProtector();

    /// <summary>The member this browser signed up as, or null (no cookie, or a forged or expired one).</summary>
    public int? MemberOf(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && Unprotect(value) is { } id
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId)
            ? memberId : null;

    /// <summary>
    /// Remembers the member in this browser for 180 days. Path "/": the sign-up page recognises them again, and their
    /// later scans of live codes (/q) are put on their timeline.
    /// </summary>
    public void Remember(HttpContext http, int memberId) =>
        http.Response.Cookies.Append(Name, _protector.Protect(memberId.ToString(CultureInfo.InvariantCulture), Lifetime), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = Lifetime, Path = "/", IsEssential = true,
        });

    private string? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
