using System.Text.Json.Serialization;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes.Fallback;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Signups.List;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Posters.Editor;

namespace CommunityPortal.Infrastructure.Api;

/// <summary>REST API v1: OpenAPI document, ProblemDetails, JSON options, and the resource endpoints.</summary>
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

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();

        var v1 = endpoints.MapGroup(Prefix)
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .WithApiProblems()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        v1.MapThemesApi();
        v1.MapSeriesApi();
        v1.MapActivitiesApi();
        v1.MapGroupsApi();
        v1.MapGroupQrApi();
        v1.MapLiveCodesApi();
        v1.MapLiveCodeFallbackImageApi();
        v1.MapSignupsApi();
        v1.MapMembersApi();
        v1.MapPostersApi();

        endpoints.MapFallback("/api/{**path}", ApiFallback.Handle).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
