namespace CommunityPortal.Features.ApiKeys;

public static class ApiKeysRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeyService>();
        return services;
    }
}
