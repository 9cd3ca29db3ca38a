using System.Text.Json.Serialization;
using CommunityPortal.Infrastructure.ApiKeys;

namespace CommunityPortal.Infrastructure.Api;

/// <summary>
/// REST API v1: OpenAPI document, ProblemDetails, JSON options, API-key authentication, and the /api/v1 group that each
/// feature maps its resources into (PortalSetup).
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        // camelCase comes with the web defaults; enums travel as their names ("tier": "Welfare").
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Bad input must throw (not only in Development) so that ApiProblems can answer with the field it concerns.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith(Prefix[1..] + "/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
        });
        return services;
    }

    public static RouteGroupBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();

        var v1 = endpoints.MapGroup(Prefix)
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .WithApiProblems()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        endpoints.MapFallback("/api/{**path}", ApiFallback.Handle).AllowAnonymous().ExcludeFromDescription();
        return v1;
    }
}
