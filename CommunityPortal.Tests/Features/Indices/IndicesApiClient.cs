using System.Globalization;
using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Indices.Api;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Tests.Infrastructure.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>/api/v1/indices/* as a client calls it: a range of days and the filters in the query string.</summary>
public static class IndicesApiClient
{
    /// <summary>
    /// Waits until the indices hold everything committed so far (IndexAggregator.CaughtUpAsync), up to a generous limit
    /// that fails the test: no clock decides when the figures are compared.
    /// </summary>
    public static Task CaughtUpAsync(this PortalFactory site) =>
        site.Services.GetRequiredService<IndexAggregator>().CaughtUpAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Query(IndexFilter f)
    {
        var query = $"from={Day(f.From)}&to={Day(f.To)}";
        query += f.SeriesId is { } s ? $"&seriesId={s}" : "";
        query += f.ActivityId is { } a ? $"&activityId={a}" : "";
        query += f.ChannelId is { } c ? $"&channelId={c}" : "";
        query += f.Tier is { } t ? $"&tier={t}" : "";
        return query;
    }

    public static async Task<T> GetIndexAsync<T>(this HttpClient client, string index, IndexFilter filter) =>
        await (await client.GetAsync($"/api/v1/indices/{index}?{Query(filter)}")).ReadAsync<T>();

    public static Task<List<DailyIndexRow>> DailyAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<List<DailyIndexRow>>("daily", f);

    public static Task<List<SignupIndexRow>> SignupsAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<List<SignupIndexRow>>("signups", f);

    public static Task<List<ChannelIndexRow>> ChannelsAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<List<ChannelIndexRow>>("channels", f);

    public static Task<HoursIndex> HoursAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<HoursIndex>("hours", f);

    public static Task<CycleIndex> CycleAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<CycleIndex>("cycle", f);

    public static Task<List<GroupIndexRow>> GroupsAsync(this HttpClient client, IndexFilter f) => client.GetIndexAsync<List<GroupIndexRow>>("groups", f);

    public static async Task<RetentionIndex> RetentionAsync(this HttpClient client, int seriesId) =>
        await (await client.GetAsync($"/api/v1/indices/retention?seriesId={seriesId}")).ReadAsync<RetentionIndex>();

    /// <summary>
    /// The event stream export of the days [from, to]: asserts it is NDJSON, one JSON object a line, in time order.
    /// </summary>
    public static async Task<List<ExportLine>> ExportAsync(this HttpClient client, DateOnly from, DateOnly to)
    {
        using var response = await client.GetAsync($"/api/v1/indices/events?from={Day(from)}&to={Day(to)}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IndexEventsExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<ExportLine>();
        while (await reader.ReadLineAsync() is { } line)
        {
            Assert.False(string.IsNullOrWhiteSpace(line), "The export has an empty line.");
            lines.Add(JsonSerializer.Deserialize<ExportLine>(line, ApiJson.Options)!);
        }
        for (var i = 1; i < lines.Count; i++)
        {
            Assert.True(lines[i - 1].At <= lines[i].At, $"Line {i + 1} ({lines[i].At:O}) comes before line {i} ({lines[i - 1].At:O}).");
        }
        return lines;
    }
}

/// <summary>One line of the export, as docs/indices.md names its fields (absent fields are null).</summary>
public sealed record ExportLine(
    string Type,
    DateTime At,
    long Id,
    int? MemberId,
    int? GroupId,
    int? ActivityId,
    int? LiveCodeId,
    int? ChannelId,
    string? ChannelKey,
    string? Visitor,
    string? Outcome,
    decimal? Amount);
