using System.Text.Json.Serialization;
using CommunityPortal.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Indices.Hub;

/// <summary>The /hubs/indices hub, its sign-in (cookie or API key) and its broadcaster (ADR 041).</summary>
public static class IndicesHubRegistration
{
    public const string Path = "/hubs/indices";

    /// <summary>Signs a hub request in by its X-Api-Key header when it has one, else by the portal's cookie.</summary>
    public const string Scheme = "IndicesHub";

    public const string Policy = "IndicesHub";

    public static IServiceCollection AddIndicesHub(this IServiceCollection services)
    {
        // Enums travel as their names, as in the REST API ("type": "Scan").
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.TryAddSingleton(TimeProvider.System);
        // Made at the first hub connection.
        services.AddSingleton<IndicesBroadcaster>();
        services.AddAuthentication().AddPolicyScheme(Scheme, null, o =>
        {
            o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme;
            // A client is never sent to the sign-in page: 401 / 403 as problem details, as the API answers.
            o.ForwardChallenge = ApiKeyDefaults.AuthenticationScheme;
            o.ForwardForbid = ApiKeyDefaults.AuthenticationScheme;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin, Roles.Manager, Roles.Operator));
        return services;
    }

    public static IEndpointRouteBuilder MapIndicesHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<IndicesHub>(Path).RequireAuthorization(Policy);
        return app;
    }
}
