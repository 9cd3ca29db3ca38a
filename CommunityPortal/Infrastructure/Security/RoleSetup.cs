using Microsoft.AspNetCore.Identity;

namespace CommunityPortal.Infrastructure.Security;

public static class RoleSetup
{
    /// <summary>Creates the four roles if they are missing (idempotent, at every start).</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
