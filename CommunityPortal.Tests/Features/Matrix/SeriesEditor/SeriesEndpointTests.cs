using System.Net;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Matrix.SeriesEditor;

public sealed class SeriesEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _client = factory.ClientAs(Roles.Manager);

    [Fact]
    public async Task Series_RoundTrip_CreateReadUpdateArchiveRestoreDelete()
    {
        var theme = await _client.CreateThemeAsync();
        var otherTheme = await _client.CreateThemeAsync();
        var create = await _client.PostJsonAsync("/api/v1/series", new { themeId = theme.Id, name = "周读", description = "每周一本" });
        var created = await create.ReadAsync<SeriesResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/series/{created.Id}", create.Headers.Location?.OriginalString);
        Assert.Equal((theme.Id, "周读", 0, 1), (created.ThemeId, created.Name, created.ActivityCount, created.Version));

        Assert.Equal(created, await (await _client.GetAsync($"/api/v1/series/{created.Id}")).ReadAsync<SeriesResponse>());

        // Moving a series to another theme is an update like any other.
        var moved = await (await _client.PutJsonAsync($"/api/v1/series/{created.Id}", new { themeId = otherTheme.Id, name = "周读", version = 1 }))
            .ReadAsync<SeriesResponse>();
        Assert.Equal((otherTheme.Id, 2), (moved.ThemeId, moved.Version));
        Assert.Empty(await ListAsync($"?themeId={theme.Id}"));
        Assert.Equal([created.Id], (await ListAsync($"?themeId={otherTheme.Id}")).Select(s => s.Id));

        await _client.PostAsync($"/api/v1/series/{created.Id}/archive", null);
        Assert.Empty(await ListAsync($"?themeId={otherTheme.Id}"));
        Assert.True(Assert.Single(await ListAsync($"?themeId={otherTheme.Id}&includeArchived=true")).IsArchived);

        var restored = await (await _client.PostAsync($"/api/v1/series/{created.Id}/restore", null)).ReadAsync<SeriesResponse>();
        Assert.False(restored.IsArchived);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/series/{created.Id}")).StatusCode);
        await (await _client.GetAsync($"/api/v1/series/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WithUnknownTheme_Returns400NamingThemeId()
    {
        var response = await _client.PostJsonAsync("/api/v1/series", new { themeId = 99999, name = "孤儿" });

        await response.ReadFieldErrorsAsync("themeId");
    }

    [Fact]
    public async Task Create_DuplicateNameInSameTheme_Returns400NamingName_ButAnotherThemeMayUseIt()
    {
        var series = await _client.CreateSeriesAsync(name: "早读");

        await (await _client.PostJsonAsync("/api/v1/series", new { themeId = series.ThemeId, name = "早读" })).ReadFieldErrorsAsync("name");

        var elsewhere = await _client.CreateSeriesAsync(name: "早读");
        Assert.NotEqual(series.ThemeId, elsewhere.ThemeId);
    }

    [Fact]
    public async Task Create_WithoutName_Returns400NamingName()
    {
        var theme = await _client.CreateThemeAsync();

        await (await _client.PostJsonAsync("/api/v1/series", new { themeId = theme.Id })).ReadFieldErrorsAsync("name");
    }

    [Fact]
    public async Task Delete_WhenSeriesHasActivities_Returns409()
    {
        var activity = await _client.CreateActivityAsync();

        await (await _client.DeleteAsync($"/api/v1/series/{activity.SeriesId}")).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<List<SeriesResponse>> ListAsync(string query) =>
        await (await _client.GetAsync("/api/v1/series" + query)).ReadAsync<List<SeriesResponse>>();
}
