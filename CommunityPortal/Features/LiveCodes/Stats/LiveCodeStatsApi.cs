using System.ComponentModel;
using CommunityPortal.Features.LiveCodes.Stats;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>GET /api/v1/livecodes/{id}/stats: the statistics the live-code page shows, as JSON.</summary>
public static class LiveCodeStatsApi
{
    public static IEndpointRouteBuilder MapLiveCodeStatsApi(this IEndpointRouteBuilder livecodes)
    {
        livecodes.MapGet("/{id:int}/stats", Get).RequireAuthorization(Policies.Read)
            .WithSummary("Scan statistics of a live code: totals, a time series in portal time, per group and per channel.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return livecodes;
    }

    public static async Task<Ok<LiveCodeStats>> Get(
        int id,
        [Description("minute, hour or day (default hour). Buckets are minutes, hours or days in the portal's time zone.")]
        string? granularity,
        [Description("ISO 8601 start; with an offset or Z an instant, without one portal wall-clock time. Default: 60 minutes, 48 hours or 30 days before the end. Moved back to the start of its bucket; at most 1,440 buckets.")]
        string? from,
        [Description("ISO 8601 end (exclusive); default now.")]
        string? to,
        ScanStatsService stats,
        CancellationToken ct) =>
        TypedResults.Ok(await stats.GetAsync(id, stats.ParseQuery(granularity, from, to), ct));
}
