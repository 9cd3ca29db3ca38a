
namespace CommunityPortal.Infrastructure.Security;

/// <summary>The four portal roles, from most to least powerful.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Operator = "Operator";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Operator, Viewer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Accepts any casing ("admin") and returns the canonical name, or null.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Authorization policies shared by pages (cookie) and the API (API key).
/// Read: every role. Edit: create and change matrix items. Manage: archive, delete, copy a period. Admin: users and keys.
/// </summary>
public static class Policies
{
    public const string Read = "Read";
    public const string Edit = "Edit";
    public const string Manage = "Manage";
    public const string Admin = "Admin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Read] = [Roles.Admin, Roles.Manager, Roles.Operator, Roles.Viewer],
        [Edit] = [Roles.Admin, Roles.Manager, Roles.Operator],
        [Manage] = [Roles.Admin, Roles.Manager],
        [Admin] = [Roles.Admin],
    };
}
