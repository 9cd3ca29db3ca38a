using System.Net;
using System.Text.Json;

namespace CommunityPortal.Tests.Infrastructure.Api;

public sealed class OpenApiDocumentTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Document_IsServedWithoutKey_AndListsOnlyApiV1Paths()
    {
        using var document = await GetDocumentAsync();

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        Assert.Contains("/api/v1/themes", paths);
        Assert.Contains("/api/v1/themes/{id}/restore", paths);
        Assert.Contains("/api/v1/series/{id}", paths);
        Assert.Contains("/api/v1/activities/{id}/archive", paths);
        Assert.Contains("/api/v1/series/{id}/copy-previous", paths);
        Assert.Contains("/api/v1/groups", paths);
        Assert.Contains("/api/v1/groups/{id}/archive", paths);
    }

    [Fact]
    public async Task Document_DeclaresTheApiKeyHeaderScheme_AndEveryOperationRequiresIt()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var operations = root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, op =>
            Assert.Contains(op.Value.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("ApiKey", out _)));
    }

    [Fact]
    public async Task Document_DescribesEnumsByName_AndQueryParametersInCamelCase()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;

        var tiers = root.GetProperty("components").GetProperty("schemas").GetProperty("GroupTier").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["Welfare", "Core", "Circulation"], tiers);

        var parameters = root.GetProperty("paths").GetProperty("/api/v1/groups").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("ownerEmail", parameters);
        Assert.Contains("includeArchived", parameters);
        Assert.Contains("take", parameters);
    }

    private async Task<JsonDocument> GetDocumentAsync()
    {
        var response = await factory.Client(key: null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
