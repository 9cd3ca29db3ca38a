using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Api;

/// <summary>
/// Every API answer that is not a success is a ProblemDetails (application/problem+json) in the request's language:
/// the services' exceptions and bad input (malformed JSON, a value of the wrong type) are turned into 400/404/409
/// here, naming the field where one is known, so a client never sees a 500 or an HTML page for its own mistakes.
/// </summary>
public static partial class ApiProblems
{
    public static Task Write(HttpContext context, int status, string title, string? detail) =>
        TypedResults.Problem(detail, context.Request.Path, status, title).ExecuteAsync(context);

    /// <summary>Wraps each endpoint's request delegate, so binding errors (thrown before any filter runs) are caught too.</summary>
    public static TBuilder WithApiProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate.");
            endpoint.RequestDelegate = context => InvokeAsync(inner, context);
        });
        return builder;
    }

    /// <summary>Field errors keyed by the JSON (camelCase) names the client sent, not the C# property names.</summary>
    public static Dictionary<string, string[]> CamelCaseKeys(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());

    private static async Task InvokeAsync(RequestDelegate next, HttpContext context)
    {
        // The portal re-executes empty error responses as its HTML "not found" page; the API answers for itself.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            await WriteAsync(context, ex);
        }
    }

    private static Task WriteAsync(HttpContext context, Exception ex)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<ApiText>>();
        return ex switch
        {
            PortalValidationException validation => WriteValidation(context, text, CamelCaseKeys(validation.Errors)),
            BadHttpRequestException badRequest => WriteBadRequest(context, text, badRequest),
            NotFoundException => Write(context, StatusCodes.Status404NotFound, text["NotFoundTitle"], ex.Message),
            ConcurrencyConflictException or ConflictException => Write(context, StatusCodes.Status409Conflict, text["ConflictTitle"], ex.Message),
            ForbiddenActionException => Write(context, StatusCodes.Status403Forbidden, text["ForbiddenTitle"], ex.Message),
            NotReadyException => Write(context, StatusCodes.Status503ServiceUnavailable, text["NotReadyTitle"], ex.Message),
            _ => WriteServerError(context, text, ex),
        };
    }

    private static Task WriteValidation(HttpContext context, IStringLocalizer<ApiText> text, IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, null, context.Request.Path, text["ValidationTitle"]).ExecuteAsync(context);

    private static Task WriteBadRequest(HttpContext context, IStringLocalizer<ApiText> text, BadHttpRequestException ex)
    {
        if (ex.InnerException is JsonException json)
        {
            return JsonField(json.Path) is { } field
                ? WriteValidation(context, text, new Dictionary<string, string[]> { [field] = [text["InvalidJsonField", field]] })
                : Write(context, StatusCodes.Status400BadRequest, text["BadRequestTitle"], text["InvalidJson"]);
        }
        if (ex.StatusCode == StatusCodes.Status400BadRequest && BoundParameter().Match(ex.Message) is { Success: true } match)
        {
            if (match.Groups["source"].Value == "body")
            {
                return Write(context, StatusCodes.Status400BadRequest, text["BadRequestTitle"], text["BodyRequired"]);
            }
            var name = JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
            return WriteValidation(context, text, new Dictionary<string, string[]> { [name] = [text["InvalidParameter", name]] });
        }
        if (ex.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && ex.StatusCode == StatusCodes.Status400BadRequest)
        {
            return Write(context, StatusCodes.Status400BadRequest, text["BadRequestTitle"], text["BodyRequired"]);
        }
        return Write(context, ex.StatusCode, text["BadRequestTitle"], null);
    }

    private static Task WriteServerError(HttpContext context, IStringLocalizer<ApiText> text, Exception ex)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
            .LogError(ex, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        return Write(context, StatusCodes.Status500InternalServerError, text["ServerErrorTitle"], text["ServerError"]);
    }

    /// <summary>"$.capacity" → "capacity", "$.rules[1]" → "rules"; null for the document itself ("$").</summary>
    private static string? JsonField(string? path) =>
        path is not null && JsonPath().Match(path) is { Success: true } match
            ? JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["quoted"].Value)
            : null;

    [GeneratedRegex(@"^\$(?:\.(?<name>[^.\[]+)|\['(?<quoted>[^']+)'\])")]
    private static partial Regex JsonPath();

    // The request delegate factory's messages: 'Failed to bind parameter "Nullable<GroupTier> Tier" from "x".'
    // and 'Required parameter "ThemeRequest request" was not provided from body.'
    [GeneratedRegex(@"parameter ""[^""]* (?<name>\w+)"" (?:from ""|was not provided from (?<source>\w+))")]
    private static partial Regex BoundParameter();
}
