using CommunityPortal.Infrastructure.Rendering;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>
/// GET /wall/invalid: where a wall screen goes when its link is unknown or revoked. A static page answered with 404 and
/// short-circuited like /q and /sop/feed: no sign-in, no first-run redirect, and not replaced by the portal's generic
/// "page not found" (the status-code pages would do that to the Blazor page itself, ADR 040).
/// </summary>
public static class WallEndpoints
{
    /// <summary>A literal segment, so it wins over /wall/{token}; no token is 7 characters long.</summary>
    public const string InvalidPath = "/wall/invalid";

    public static IEndpointRouteBuilder MapWall(this IEndpointRouteBuilder app)
    {
        app.MapMethods(InvalidPath, [HttpMethods.Get, HttpMethods.Head], () =>
            {
                // The wall is Chinese whatever the browser says (WallWords); PhonePage's <html lang> follows this.
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = WallWords.Culture;
                return PhonePageResult.For<WallInvalidPage>(new { }, StatusCodes.Status404NotFound);
            })
            .AllowAnonymous().ExcludeFromDescription().ShortCircuit();
        return app;
    }
}
