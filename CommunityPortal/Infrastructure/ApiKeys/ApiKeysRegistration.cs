using CommunityPortal.Infrastructure.Admin;
namespace CommunityPortal.Infrastructure.ApiKeys;

public static class ApiKeysRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyService>();
        services.AddAdminCommand<CreateApiKeyCommand>();
        // Adds the scheme without touching the defaults (the cookie, set in AddUsers): only the API asks for it.
        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, null);
        return services;
    }
}
