using System.Net;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Matrix;

/// <summary>Builds a matrix through the API, for tests about what comes after.</summary>
public static class MatrixApi
{
    public static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 60)];

    public static async Task<ThemeResponse> CreateThemeAsync(this HttpClient client, string? name = null) =>
        await (await client.PostJsonAsync("/api/v1/themes", new { name = name ?? Unique("主题") })).ReadAsync<ThemeResponse>(HttpStatusCode.Created);

    public static async Task<SeriesResponse> CreateSeriesAsync(this HttpClient client, int? themeId = null, string? name = null)
    {
        themeId ??= (await client.CreateThemeAsync()).Id;
        return await (await client.PostJsonAsync("/api/v1/series", new { themeId, name = name ?? Unique("系列") }))
            .ReadAsync<SeriesResponse>(HttpStatusCode.Created);
    }

    public static async Task<ActivityResponse> CreateActivityAsync(this HttpClient client, int? seriesId = null, string start = "2026-12-01", string end = "2026-12-07")
    {
        seriesId ??= (await client.CreateSeriesAsync()).Id;
        return await (await client.PostJsonAsync("/api/v1/activities", new { seriesId, startDate = start, endDate = end }))
            .ReadAsync<ActivityResponse>(HttpStatusCode.Created);
    }

    public static async Task<GroupResponse> CreateGroupAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/groups", body)).ReadAsync<GroupResponse>(HttpStatusCode.Created);
}
