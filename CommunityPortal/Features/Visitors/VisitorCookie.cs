using System.Security.Cryptography;
using System.Text;

namespace CommunityPortal.Features.Visitors;

/// <summary>
/// The anonymous visitor cookie: a random value a phone's browser gets at its first scan of a live code (/q) and keeps
/// for 24 h. Live codes route the same visitor to the same group again with it; the sign-up page (/s) reads it to put
/// the visitor's earlier scans on the new member's timeline. Only its hash (<see cref="Hash"/>) is ever stored.
/// </summary>
public sealed class VisitorCookie
{
    public const string Name = "cp_visitor";

    /// <summary>The length of a stored visitor key (<see cref="Hash"/>).</summary>
    public const int KeyLength = 32;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>The stored key of the visitor cookie this request carries, or null when it has none (or a malformed one).</summary>
    public string? KeyOf(HttpContext http) => Existing(http) is { } visitor ? Hash(visitor) : null;

    /// <summary>The visitor cookie's value, or a new random one (128 bits, URL-safe) that <see cref="Issue"/> then sets.</summary>
    public (string Value, bool IsNew) ValueOf(HttpContext http)
    {
        if (Existing(http) is { } value)
        {
            return (value, false);
        }
        return (Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_'), true);
    }

    public void Issue(HttpContext http, string value) =>
        http.Response.Cookies.Append(Name, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            // "/": the sign-up page (/s) reads it too, to put this visitor's scans on the member's timeline.
            Path = "/",
            IsEssential = true,
        });

    /// <summary>The stored key: a hash, so the table never holds a value that could be replayed as a cookie.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..KeyLength];

    private static string? Existing(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && value is { Length: >= 16 and <= 64 }
        && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')
            ? value : null;
}
