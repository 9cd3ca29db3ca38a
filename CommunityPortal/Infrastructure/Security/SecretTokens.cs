using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CommunityPortal.Infrastructure.Security;

/// <summary>
/// Secrets handed out once and then only recognised (API keys, calendar feed addresses, wall screen links): 32 random
/// bytes as URL-safe base64, of which only the SHA-256 is stored, so a copy of the database opens nothing. A secret is
/// found by an indexed lookup of its hash, so the time an answer takes says nothing about how close a guess was.
/// </summary>
public static class SecretTokens
{
    /// <summary>The length of a <see cref="New"/> token: 32 bytes in unpadded base64url.</summary>
    public const int Length = 43;

    /// <summary>The length of a <see cref="Hash"/>: SHA-256 in lower-case hex.</summary>
    public const int HashLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True for something <see cref="New"/> could have made (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
