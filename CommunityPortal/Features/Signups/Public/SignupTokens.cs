using System.Security.Cryptography;
using CommunityPortal.Features.Members;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityPortal.Features.Signups.Public;

/// <summary>
/// What the public page may trust from a link, signed with the portal's Data Protection keys: a UnionID handed over in
/// it (?unionid=…, made by <see cref="ProtectUnionId"/> — e.g. by a WeChat OAuth callback or a personal invitation link).
/// A bare UnionID in a URL is never trusted: anyone could type someone else's and sign up in their name. The member a
/// browser signed up as is the Visitors module's MemberCookie.
/// </summary>
public sealed class SignupTokens(IDataProtectionProvider provider)
{
    public static readonly TimeSpan DefaultUnionIdLifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _unionIds = provider.CreateProtector("CommunityPortal.Signups.UnionId.v1").ToTimeLimitedDataProtector();

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
