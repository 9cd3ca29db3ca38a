using System.ComponentModel.DataAnnotations;

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
/// A new account, from the setup page, the create-user dialog or the CLI. The attributes catch blanks before a round
/// trip; the service checks everything (e-mail format, uniqueness, password rules), one message per problem.
/// </summary>
public sealed class NewUserInput
{
    public const int EmailMax = 256;

    [Required]
    [MaxLength(EmailMax)]
    public string Email { get; set; } = "";

    [Required]
    [MaxLength(ApplicationUser.DisplayNameMax)]
    public string DisplayName { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    [Required]
    public string Role { get; set; } = Roles.Operator;
}
