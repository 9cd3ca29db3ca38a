namespace CommunityPortal.Features.Api;

/// <summary>REST API v1: OpenAPI document, ProblemDetails, JSON options, and the resource endpoints.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        return endpoints;
    }
}
