using System.Net;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Matrix.Themes;

public sealed class ThemesEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _client = factory.ClientAs(Roles.Manager);

    [Fact]
    public async Task Theme_RoundTrip_CreateReadUpdateArchiveRestoreDelete()
    {
        var name = MatrixApi.Unique("读书会");
        var create = await _client.PostJsonAsync("/api/v1/themes", new { name, description = "每周共读" });
        var created = await create.ReadAsync<ThemeResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/themes/{created.Id}", create.Headers.Location?.OriginalString);
        Assert.Equal((name, "每周共读", 1, false), (created.Name, created.Description, created.Version, created.IsArchived));

        var read = await (await _client.GetAsync($"/api/v1/themes/{created.Id}")).ReadAsync<ThemeResponse>();
        Assert.Equal(created, read);

        var updated = await (await _client.PutJsonAsync($"/api/v1/themes/{created.Id}", new { name = name + "2", version = read.Version }))
            .ReadAsync<ThemeResponse>();
        Assert.Equal((name + "2", (string?)null, 2), (updated.Name, updated.Description, updated.Version));

        var archived = await (await _client.PostAsync($"/api/v1/themes/{created.Id}/archive", null)).ReadAsync<ThemeResponse>();
        Assert.True(archived.IsArchived);
        Assert.DoesNotContain(await ListAsync(""), t => t.Id == created.Id);
        Assert.Contains(await ListAsync("?includeArchived=true"), t => t.Id == created.Id);

        var restored = await (await _client.PostAsync($"/api/v1/themes/{created.Id}/restore", null)).ReadAsync<ThemeResponse>();
        Assert.False(restored.IsArchived);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/themes/{created.Id}")).StatusCode);
        await (await _client.GetAsync($"/api/v1/themes/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WhenNameTaken_Returns400NamingName()
    {
        var theme = await _client.CreateThemeAsync();

        var messages = await (await factory.ClientAs(Roles.Manager, "en").PostJsonAsync("/api/v1/themes", new { name = theme.Name }))
            .ReadFieldErrorsAsync("name");

        Assert.Equal("Name is already taken.", Assert.Single(messages));
    }

    [Fact]
    public async Task Update_WithoutVersion_Returns400NamingVersion()
    {
        var theme = await _client.CreateThemeAsync();

        var messages = await (await factory.ClientAs(Roles.Manager, "en").PutJsonAsync($"/api/v1/themes/{theme.Id}", new { name = theme.Name }))
            .ReadFieldErrorsAsync("version");

        Assert.Equal("Version is required.", Assert.Single(messages));
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409()
    {
        var theme = await _client.CreateThemeAsync();
        await _client.PutJsonAsync($"/api/v1/themes/{theme.Id}", new { name = theme.Name + "a", version = theme.Version });

        var response = await _client.PutJsonAsync($"/api/v1/themes/{theme.Id}", new { name = theme.Name + "b", version = theme.Version });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        var current = await (await _client.GetAsync($"/api/v1/themes/{theme.Id}")).ReadAsync<ThemeResponse>();
        Assert.Equal(theme.Name + "a", current.Name);
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var response = await _client.PutJsonAsync("/api/v1/themes/99999", new { name = "x", version = 1 });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_WhenThemeHasSeries_Returns409AndKeepsIt()
    {
        var series = await _client.CreateSeriesAsync();

        await (await _client.DeleteAsync($"/api/v1/themes/{series.ThemeId}")).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/themes/{series.ThemeId}")).StatusCode);
    }

    private async Task<List<ThemeResponse>> ListAsync(string query) =>
        await (await _client.GetAsync("/api/v1/themes" + query)).ReadAsync<List<ThemeResponse>>();
}
