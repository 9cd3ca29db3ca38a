using CommunityPortal.Data;
using CommunityPortal.Features.Visitors;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Infrastructure.Localization;
namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// GET /q/{slug}[?c=channelKey]: the page a scanned live code opens. A minimal endpoint, not a Blazor page: a static
/// Razor component (ScanPage) with no circuit and no script, one small HTML document. The scan is committed
/// (group commit, ScanWriter) before the page is sent.
/// </summary>
internal static class ScanEndpoints
{
    public static void MapScanEndpoints(this IEndpointRouteBuilder app)
    {
        // ShortCircuit: these endpoints run straight after routing, skipping the portal's middleware (sign-in, first-run,
        // antiforgery, status-code pages, request localization). The scan path needs none of it and it costs a third of
        // the throughput (bench/scan-bench.sh); the page's culture comes from the cookie (PhonePageCulture).
        var scans = app.MapGroup("/q");
        scans.AllowAnonymous().ExcludeFromDescription().ShortCircuit();
        scans.MapGet("/{slug}", ScanAsync);
        scans.MapGet("/{slug}/fallback-image", FallbackImageAsync);
    }

    private static async Task<IResult> ScanAsync(string slug, string? c, HttpContext http, ILiveCodeRoutingState state,
        IScanRecorder recorder, ScanPage page, VisitorCookie visitors, MemberCookie members, ILoggerFactory loggers)
    {
        PhonePageCulture.Apply(http);
        if (!LiveCode.IsValidSlug(slug) || state.Find(slug) is not { } route)
        {
            return await page.NoticeAsync("Page.NotFoundTitle", "Page.NotFoundText", StatusCodes.Status404NotFound);
        }
        var settings = route.Settings;
        // Only a browser that signed up carries the member cookie: everyone else costs nothing here.
        if (await RouteAndRecordAsync(http, route, c, members.MemberOf(http), visitors, recorder, loggers) is not { } result)
        {
            return await page.NoticeAsync("Page.ErrorTitle", "Page.ErrorText", StatusCodes.Status503ServiceUnavailable);
        }
        return result.Outcome switch
        {
            // Routing only gives a group with a current QR, and its drawing is always inline (LiveCodeRoutingState).
            ScanOutcome.Assigned or ScanOutcome.Repeat => await page.ResultAsync<ScanGroupPage>(settings, result.Group?.Display),
            ScanOutcome.Fallback => await page.ResultAsync<ScanFallbackPage>(settings),
            ScanOutcome.Bot => await page.ResultAsync<ScanPreviewPage>(settings),
            ScanOutcome.Expired => await page.NoticeAsync("Page.ExpiredTitle", "Page.ExpiredText", StatusCodes.Status410Gone),
            ScanOutcome.NotStarted => await page.NoticeAsync("Page.NotStartedTitle", "Page.NotStartedText"),
            _ => await page.NoticeAsync("Page.PausedTitle", "Page.PausedText"),
        };
    }

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

        var result = ScanDecision.Decide(route, client, visitorKey, now);

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
}
