using CommunityPortal.Features.Users;
using CommunityPortal.Features.Users.Manage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Users;

/// <summary>
/// Users over a fresh <see cref="PortalDatabase"/> (Identity and the roles are there), so rules that count users (the last
/// admin, the first admin) start from a known, empty state in every test.
/// </summary>
internal static class UserSeed
{
    extension(PortalDatabase database)
    {
        public UserAdminService Admin => database.Get<UserAdminService>();

        public Task<UserDto> AddUserAsync(string email, string role, string password = "secret-2026") =>
            database.Admin.CreateAsync(new NewUserInput { Email = email, DisplayName = email.Split('@')[0], Password = password, Role = role });

        /// <summary>Runs with a fresh UserManager, as a new request would.</summary>
        public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
        {
            await using var scope = database.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
        }

        public async Task<SignInResult> CheckPasswordAsync(string email, string password)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            var user = await signIn.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            return await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        }
    }
}
