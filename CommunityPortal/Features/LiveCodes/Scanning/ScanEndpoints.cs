using CommunityPortal.Data;
using CommunityPortal.Features.Visitors;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Infrastructure.Localization;
namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// GET /q/{slug}[?c=channelKey]: the page a scanned live code opens. A minimal endpoint, not a Blazor page: no circuit,
/// no script, one small HTML document. The scan is committed (group commit, ScanWriter) before the page is sent.
/// </summary>
internal static class ScanEndpoints
{
    public static void MapScanEndpoints(this IEndpointRouteBuilder app)
    {
        // ShortCircuit: these endpoints run straight after routing, skipping the portal's middleware (sign-in, first-run,
        // antiforgery, status-code pages, request localization). The scan path needs none of it and it costs a third of
        // the throughput (bench/scan-bench.sh); the page's culture comes from the cookie (ScanCulture).
        var scans = app.MapGroup("/q");
        scans.AllowAnonymous().ExcludeFromDescription().ShortCircuit();
        scans.MapGet("/{slug}", ScanAsync);
        scans.MapGet("/{slug}/fallback-image", FallbackImageAsync);
    }

    private static async Task<IResult> ScanAsync(string slug, string? c, HttpContext http, ILiveCodeRoutingState state,
        IScanRecorder recorder, ScanPage page, VisitorCookie visitors, MemberCookie members, ILoggerFactory loggers)
    {
        ScanCulture.Apply(http);
        if (!LiveCode.IsValidSlug(slug) || state.Find(slug) is not { } route)
        {
            return Html(Notice(page, "Page.NotFoundTitle", "Page.NotFoundText"), StatusCodes.Status404NotFound);
        }
        var settings = route.Settings;
        // Only a browser that signed up carries the member cookie: everyone else costs nothing here.
        if (await RouteAndRecordAsync(http, route, c, members.MemberOf(http), visitors, recorder, loggers) is not { } result)
        {
            return Html(Notice(page, "Page.ErrorTitle", "Page.ErrorText"), StatusCodes.Status503ServiceUnavailable);
        }
        var group = result.Group?.Display;
        return result.Outcome switch
        {
            // The group's QR is drawn from its stored invite link and always inline (LiveCodeRoutingState).
            ScanOutcome.Assigned or ScanOutcome.Repeat => Html(page.Cached(settings, group, "group", () => page.Group(
                settings.LandingTitle, group?.Name ?? "", group?.Qr?.DataUri ?? "", settings.LandingText))),
            ScanOutcome.Fallback => Html(page.Cached(settings, null, "fallback", () => page.Fallback(settings.FallbackMessage,
                settings.FallbackImage is { } staff ? ImageSource(slug, staff, "fallback-image") : null))),
            ScanOutcome.Bot => Html(page.Cached(settings, null, "preview", () => page.Preview(settings.LandingTitle, settings.LandingText))),
            ScanOutcome.Expired => Html(Notice(page, "Page.ExpiredTitle", "Page.ExpiredText"), StatusCodes.Status410Gone),
            ScanOutcome.NotStarted => Html(Notice(page, "Page.NotStartedTitle", "Page.NotStartedText")),
            _ => Html(Notice(page, "Page.PausedTitle", "Page.PausedText")),
        };
    }

    private static byte[] Notice(ScanPage page, string titleKey, string textKey) =>
        page.Cached(null, null, titleKey, () => page.Notice(titleKey, textKey));

    private static async Task<IResult> FallbackImageAsync(string slug, ILiveCodeRoutingState state,
        IDbContextFactory<PortalDbContext> dbFactory, HttpContext http)
    {
        if (!LiveCode.IsValidSlug(slug) || state.Find(slug) is not { } route)
        {
            return Results.NotFound();
        }
        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var image = await db.Set<LiveCode>().AsNoTracking().Where(l => l.Id == route.Settings.Id)
            .Select(l => new { l.FallbackImage, l.FallbackImageContentType }).FirstOrDefaultAsync(http.RequestAborted);
        if (image?.FallbackImage is null || image.FallbackImageContentType is null)
        {
            return Results.NotFound();
        }
        // The operator may replace it: a short cache only.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return Results.Bytes(image.FallbackImage, image.FallbackImageContentType);
    }

    private static string ImageSource(string slug, ImageRef? image, string path) =>
        image?.DataUri ?? $"/q/{slug}/{path}";

    private static IResult Html(byte[] html, int status = StatusCodes.Status200OK) =>
        new ScanHtmlResult(html, status);

    /// <summary>
    /// One scan of a live code, wherever its page is shown (/q, and the sign-up receipt, ADR 028): the request's visitor
    /// is routed (validity, bots, the same group again within 24 h, thresholds, fallback), the scan is stored with its
    /// channel code and <paramref name="memberId"/> before anything is shown, and a new visitor gets the cookie. Null when
    /// the scan could not be stored: the seat is released and no group may be shown.
    /// </summary>
    internal static async Task<RouteResult?> RouteAndRecordAsync(HttpContext http, LiveCodeRoute route, string? channelKey, int? memberId,
        VisitorCookie visitors, IScanRecorder recorder, ILoggerFactory loggers)
    {
        var now = DateTime.UtcNow;
        var settings = route.Settings;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var client = ClientClassifier.Classify(userAgent);
        var (visitor, isNewVisitor) = visitors.ValueOf(http);
        var visitorKey = VisitorCookie.Hash(visitor);

        RouteResult result;
        if (settings.ValidUntil <= now)
        {
            result = new RouteResult(null, ScanOutcome.Expired);
        }
        else if (settings.IsPaused)
        {
            result = new RouteResult(null, ScanOutcome.Paused);
        }
        else if (settings.ValidFrom > now)
        {
            result = new RouteResult(null, ScanOutcome.NotStarted);
        }
        else if (client == ClientKind.Bot)
        {
            result = new RouteResult(null, ScanOutcome.Bot);
        }
        else
        {
            result = route.Router.Route(visitorKey, now);
        }

        var scan = new Scan
        {
            LiveCodeId = settings.Id,
            ChannelCodeId = channelKey is not null && settings.ChannelKeys.TryGetValue(channelKey, out var channelCodeId) ? channelCodeId : null,
            GroupId = result.Group?.GroupId,
            VisitorKey = visitorKey,
            MemberId = client == ClientKind.Bot ? null : memberId,
            Outcome = result.Outcome,
            Client = client,
            UserAgent = userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, Scan.UserAgentMax)],
            At = now,
        };
        try
        {
            await recorder.RecordAsync(scan);
        }
        catch (Exception ex)
        {
            if (result.Outcome == ScanOutcome.Assigned && result.Group is { } assigned)
            {
                route.Router.Release(visitorKey, assigned.GroupId);
            }
            loggers.CreateLogger(typeof(ScanEndpoints)).LogWarning(ex, "Scan of {Slug} not stored", settings.Slug);
            return null;
        }

        if (isNewVisitor && client != ClientKind.Bot)
        {
            visitors.Issue(http, visitor);
        }
        return result;
    }

    private sealed class ScanHtmlResult(byte[] html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            // Every scan is a fresh decision and a counted fact: never served from a cache.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentLength = html.Length;
            return http.Response.Body.WriteAsync(html).AsTask();
        }
    }
}
