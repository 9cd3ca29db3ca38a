using Microsoft.AspNetCore.Identity;

namespace CommunityPortal.Features.Users;

public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMax = 50;

    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
}
