namespace CommunityPortal.Infrastructure.ApiKeys;

/// <summary>A key for the REST API. Only the SHA-256 hash of the secret is stored; the secret is shown once.</summary>
public sealed class ApiKey
{
    public const int NameMax = 60;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>Hex SHA-256 of the whole key.</summary>
    public string KeyHash { get; set; } = "";

    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
