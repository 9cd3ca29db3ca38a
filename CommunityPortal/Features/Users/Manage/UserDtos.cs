using CommunityPortal.Infrastructure.Security;

namespace CommunityPortal.Features.Users.Manage;

/// <summary>A portal user as the admin list shows it. Role is the user's one portal role ("" if none).</summary>
public sealed record UserDto(string Id, string Email, string? DisplayName, string Role, bool IsLocked, DateTime CreatedAt);

/// <summary>Paging and sort for the users grid. SortBy: email, displayName, role, createdAt.</summary>
public sealed record UserQuery
{
    public const int MaxTake = 200;

    public string? Search { get; init; }

    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}

/// <summary>
/// A new account, from the setup page, the create-user dialog or the CLI. The service checks everything (blanks, e-mail
/// format, uniqueness, password rules), one message per problem in the user's language. No DataAnnotations here: MudBlazor
/// runs the attributes of a field's For property itself and shows .NET's English messages ("The Email field is required.")
/// as soon as an empty field loses focus.
/// </summary>
public sealed class NewUserInput
{
    public const int EmailMax = 256;

    public string Email { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Password { get; set; } = "";

    public string Role { get; set; } = Roles.Operator;
}
