using System.Globalization;
using System.Text;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Feed;

/// <summary>
/// GET /sop/feed/{token}.ics: a person's tasks from 7 days back to the end of the horizon, for calendar subscriptions
/// (Apple, Google, Outlook). Anonymous — the token is the secret — and short-circuited like /q and /s: no sign-in,
/// first-run redirect or status-code pages (a calendar app must get a plain 404 for an unknown or revoked token).
/// Calendar apps send no cookie, so the language is in the address (?lang=en), Chinese otherwise.
/// </summary>
public static class SopFeedEndpoints
{
    public const int DaysBack = 7;
    private const string Route = "/sop/feed/{token}.ics";

    public static IEndpointRouteBuilder MapSopFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], FeedAsync).AllowAnonymous().ExcludeFromDescription().ShortCircuit();
        return app;
    }

    /// <summary>The address a person subscribes to; the language goes with it (the feed's name and notes are in it).</summary>
    public static string Url(string baseUrl, string token, string culture) =>
        $"{baseUrl.TrimEnd('/')}/sop/feed/{token}.ics" + (culture == PortalCultures.Default ? "" : $"?lang={Uri.EscapeDataString(culture)}");

    private static async Task<IResult> FeedAsync(string token, string? lang, HttpContext http, SopFeedTokens tokens, SopTaskReader reader,
        SopFeedCalendar calendar, PublicAddress address, IOptions<SopOptions> options, IStringLocalizer<SopText> text, TimeProvider clock)
    {
        var culture = CultureInfo.GetCultureInfo(
            PortalCultures.Supported.FirstOrDefault(c => string.Equals(c, lang, StringComparison.OrdinalIgnoreCase)) ?? PortalCultures.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        http.Response.Headers.CacheControl = "private, no-store";
        if (await tokens.FindUserAsync(token, http.RequestAborted) is not { } user)
        {
            return Results.NotFound();
        }
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var from = PortalTime.ToUtc(today.AddDays(-DaysBack).ToDateTime(TimeOnly.MinValue));
        var to = PortalTime.ToUtc(today.AddDays(options.Value.HorizonDays).ToDateTime(TimeOnly.MinValue));
        var tasks = await reader.ListAsync(new SopTaskQuery(from, to) { Assignee = user.Id }, http.RequestAborted);
        var host = new Uri(address.BaseFor(http.Request)).Host;
        var name = text["Feed.CalendarName", user.DisplayName ?? user.Email ?? ""];
        var body = Encoding.UTF8.GetBytes(calendar.Write(tasks, name, host, from));
        return Results.Bytes(body, "text/calendar; charset=utf-8");
    }
}
