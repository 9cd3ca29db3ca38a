using Microsoft.AspNetCore.Authorization;
using CommunityPortal.Components.Account;
using CommunityPortal.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

using CommunityPortal.Features.Users.Cli;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.Users.FirstRun;
using CommunityPortal.Infrastructure.Security;
namespace CommunityPortal.Features.Users;

public static class UsersRegistration
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.AddSingleton<UserAccountsState>();
        services.AddScoped<UserAdminService>();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        services.AddScoped<UserDirectory>();
        services.AddAdminCommand<CreateUserCommand>();

        services.AddAuthorizationBuilder().AddPortalPolicies();
        return services;
    }

    private static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Policies.RolesFor)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }
}
