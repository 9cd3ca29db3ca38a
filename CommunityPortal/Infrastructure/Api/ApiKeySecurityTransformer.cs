using CommunityPortal.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommunityPortal.Infrastructure.Api;

/// <summary>Declares the X-Api-Key scheme in the document and requires it on every API operation.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CommunityPortal API";
        document.Info.Description = "The group matrix (themes, series, activities, groups). Authenticate with an API key in the X-Api-Key header; errors are ProblemDetails.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "A key created by an admin (CommunityPortal admin create-api-key); its role decides what it may do.",
        };
        var requirement = new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyDefaults.AuthenticationScheme, document)] = [],
        };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase) || item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }
        return Task.CompletedTask;
    }
}
