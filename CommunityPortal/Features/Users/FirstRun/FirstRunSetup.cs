
namespace CommunityPortal.Features.Users.FirstRun;

/// <summary>
/// First run: while no user exists, every page request goes to /setup, where the first Admin is created.
/// Once a user exists the answer is cached (<see cref="UserAccountsState"/>), so the hot path costs one bool read.
/// </summary>
public static class FirstRunSetup
{
    public const string SetupPath = "/setup";

    // Not pages: the framework, machine endpoints (hubs included), the culture switch, error pages (re-executed for API 404s too)
    // and setup itself.
    private static readonly string[] PassThrough =
        ["/_framework", "/_content", "/_blazor", "/hubs", "/healthz", "/api", "/openapi", "/culture", "/q", "/not-found", "/Error", SetupPath];

    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsPageRequest(context.Request.Method, context.Request.Path)
                && !await context.RequestServices.GetRequiredService<UserAccountsState>().HasUsersAsync(context.RequestAborted))
            {
                context.Response.Redirect(SetupPath);
                return;
            }
            await next(context);
        });

    /// <summary>A GET (or HEAD) for something that may be a page: not a file, not an excluded area.</summary>
    internal static bool IsPageRequest(string method, PathString path)
    {
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return false;
        }
        if (PassThrough.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        // Static files (app.css, favicon.svg, CommunityPortal.styles.css …) have an extension in their last segment.
        var value = path.Value ?? "/";
        return !Path.HasExtension(value[(value.LastIndexOf('/') + 1)..]);
    }
}
