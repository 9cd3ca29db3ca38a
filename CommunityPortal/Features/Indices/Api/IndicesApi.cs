using System.ComponentModel;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPortal.Features.Indices.Api;

/// <summary>GET /api/v1/indices/*: the numbers the dashboards show, and the event stream they are computed from.</summary>
public static class IndicesApi
{
    private const string DateHelp = "A day in the portal's time zone, YYYY-MM-DD; both days are included. Default: the 30 days ending today; at most 366 days.";

    public static RouteGroupBuilder MapIndicesApi(this RouteGroupBuilder api)
    {
        var indices = api.MapGroup("/indices").WithTags("Indices").RequireAuthorization(Policies.Read);
        indices.MapGet("/daily", Daily).WithSummary("Per day: new members, active members (DAU, WAU, MAU), stickiness, sign-ups, scans, unique visitors.").AsIndex();
        indices.MapGet("/signups", Signups).WithSummary("Sign-ups and check-ins per activity (period of a series) made in the range.").AsIndex();
        indices.MapGet("/retention", Retention).WithSummary("Retention between the periods of a series: shares of each period's people who were in each earlier one, and where they came from.").AsIndex();
        indices.MapGet("/channels", Channels).WithSummary("Each channel's funnel in the range (scans → visitors → routed → acquired → signed up → purchased), cost per member and ROI.").AsIndex();
        indices.MapGet("/hours", Hours).WithSummary("Activity by weekday (Monday first) and hour: 7 × 24 counts.").AsIndex();
        indices.MapGet("/cycle", Cycle).WithSummary("Active cycle and time in the system of the members active in the range, as day histograms.").AsIndex();
        indices.MapGet("/groups", Groups).WithSummary("Group health in the range: members at start and end, joins, leaves, net growth, leave rate, activity per member.").AsIndex();
        indices.MapGet("/live", Live).WithSummary("Today's live figures: new members, active members, sign-ups, scans, scans per minute, ticker, top channels, SOP on-time rate.").ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        indices.MapIndexEventsExport();
        return api;
    }

    /// <summary>An index: 400 naming the field for a bad range or filter, 503 while the indices are rebuilt after a start.</summary>
    private static RouteHandlerBuilder AsIndex(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<Ok<IReadOnlyList<DailyIndexRow>>> Daily([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.DailyAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<IReadOnlyList<SignupIndexRow>>> Signups([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.SignupsAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<RetentionIndex>> Retention([Description("The series whose periods are compared.")] int seriesId, IIndexQueries queries,
        CancellationToken ct) =>
        TypedResults.Ok(await queries.RetentionAsync(seriesId, ct));

    public static async Task<Ok<IReadOnlyList<ChannelIndexRow>>> Channels([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.ChannelsAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<HoursIndex>> Hours([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.HoursAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<CycleIndex>> Cycle([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.CycleAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<IReadOnlyList<GroupIndexRow>>> Groups([Description(DateHelp)] DateOnly? from, [Description(DateHelp)] DateOnly? to,
        int? seriesId, int? activityId, int? channelId, GroupTier? tier, IIndexQueries queries, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await queries.GroupsAsync(Filter(from, to, seriesId, activityId, channelId, tier, clock), ct));

    public static async Task<Ok<LiveFigures>> Live(IIndexQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.LiveAsync(ct));

    /// <summary>The range asked for; without one, the 30 days ending today (team time zone).</summary>
    public static IndexFilter Filter(DateOnly? from, DateOnly? to, int? seriesId, int? activityId, int? channelId, GroupTier? tier, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(Infrastructure.Time.PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var end = to ?? (from is { } f && f > today ? f : today);
        return new IndexFilter(from ?? end.AddDays(-29), end, seriesId, activityId, channelId, tier);
    }
}
