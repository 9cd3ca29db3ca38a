using System.Security.Claims;

namespace CommunityPortal.Features.Members;

/// <summary>
/// Who changes a member: a signed-in user (id and display name) or an API key ("apikey:N" and its name, as the API key
/// handler puts them in the principal). Stored as a snapshot next to each fact, without a foreign key: the facts
/// outlive accounts and keys.
/// </summary>
public sealed record MemberActor(string? Id, string? Name)
{
    public const int IdMax = 64;
    public const int NameMax = 64;

    /// <summary>The portal itself (automatic tags): shown as "系统" / "System".</summary>
    public static MemberActor System { get; } = new(null, null);

    public static MemberActor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(CommunityPortal.Features.Users.PortalClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name;
        return new MemberActor(Trim(id, IdMax), Trim(name, NameMax));
    }

    internal string? StoredId => Trim(Id, IdMax);

    internal string? StoredName => Trim(Name, NameMax);

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= max ? value : value[..max];
}
