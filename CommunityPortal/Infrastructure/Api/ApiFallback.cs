using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Api;

/// <summary>
/// Answers API requests that no endpoint took. Routing alone would send an empty 404, 405 (wrong method) or
/// 415 (body not what the endpoint takes), which the portal's status-code pages turn into its HTML page; a client gets ProblemDetails.
/// </summary>
internal static class ApiFallback
{
    public static ProblemHttpResult Handle(HttpContext context, EndpointDataSource endpoints, IStringLocalizer<ApiText> text)
    {
        var path = context.Request.Path;
        var sameRoute = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && IsApi(e) && Matches(e, path))
            .ToList();
        var methods = sameRoute
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (methods.Count > 0 && !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return Problem(context, StatusCodes.Status405MethodNotAllowed, text["MethodNotAllowedTitle"],
                text["MethodNotAllowed", context.Request.Method, string.Join(", ", methods)]);
        }
        // What the endpoints for this method take: JSON for most, multipart/form-data for uploads.
        var accepted = sameRoute
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (accepted.Count > 0 && !accepted.Any(type => IsSent(context.Request, type)))
        {
            return Problem(context, StatusCodes.Status415UnsupportedMediaType, text["UnsupportedMediaTypeTitle"],
                accepted.All(IsJson) ? text["JsonContentTypeRequired"] : text["ContentTypeRequired", string.Join(", ", accepted)]);
        }
        return Problem(context, StatusCodes.Status404NotFound, text["NotFoundTitle"], text["UnknownEndpoint", path.Value ?? ""]);
    }

    private static ProblemHttpResult Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, context.Request.Path, status, title);

    private static bool IsJson(string contentType) => contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSent(HttpRequest request, string contentType) =>
        IsJson(contentType) ? request.HasJsonContentType()
        : string.Equals(request.ContentType?.Split(';')[0].Trim(), contentType, StringComparison.OrdinalIgnoreCase);

    private static bool IsApi(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText?.StartsWith(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase) == true;

    // Route constraints ({id:int}) are not checked: "/groups/abc" with GET still finds no endpoint and ends in 404.
    private static bool Matches(RouteEndpoint endpoint, PathString path) =>
        new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []).TryMatch(path, []);
}
