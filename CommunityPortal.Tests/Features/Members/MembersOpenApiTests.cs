using System.Net;
using System.Text.Json;

namespace CommunityPortal.Tests.Features.Members;

public sealed class MembersOpenApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Document_ListsTheMembersTagsAndEventsEndpoints()
    {
        using var document = await GetDocumentAsync();

        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToList();
        Assert.Subset(operations.ToHashSet(), new HashSet<string>
        {
            "GET /api/v1/members", "POST /api/v1/members", "GET /api/v1/members/lookup", "GET /api/v1/members/{id}", "PUT /api/v1/members/{id}",
            "POST /api/v1/members/{id}/tags/{tagId}", "DELETE /api/v1/members/{id}/tags/{tagId}",
            "POST /api/v1/members/{id}/blacklist", "DELETE /api/v1/members/{id}/blacklist", "GET /api/v1/members/{id}/timeline",
            "GET /api/v1/tags", "POST /api/v1/tags", "GET /api/v1/tags/{id}", "PUT /api/v1/tags/{id}", "DELETE /api/v1/tags/{id}",
            "GET /api/v1/tag-groups", "POST /api/v1/tag-groups", "GET /api/v1/tag-groups/{id}", "PUT /api/v1/tag-groups/{id}", "DELETE /api/v1/tag-groups/{id}",
            "POST /api/v1/events",
        });
    }

    [Fact]
    public async Task Document_DescribesTheSearchParameters_AndTheEventBatchBody()
    {
        using var document = await GetDocumentAsync();
        var root = document.RootElement;

        var search = root.GetProperty("paths").GetProperty("/api/v1/members").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Subset(parameters.ToHashSet(),
            new HashSet<string> { "search", "tagsAllOf", "tagsAnyOf", "tagsNoneOf", "growthLevel", "channelId", "groupId", "status", "createdFrom", "createdTo", "page", "pageSize", "sort" });
        Assert.Contains("masked", search.GetProperty("description").GetString());

        var events = root.GetProperty("paths").GetProperty("/api/v1/events").GetProperty("post");
        var body = events.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/EventBatchRequest", body);
        var item = root.GetProperty("components").GetProperty("schemas").GetProperty("EventItemRequest").GetProperty("properties");
        Assert.Subset(item.EnumerateObject().Select(p => p.Name).ToHashSet(),
            new HashSet<string> { "clientEventId", "type", "subtype", "at", "member", "groupId", "activityId", "amount", "currency" });
        Assert.True(events.GetProperty("responses").TryGetProperty("200", out _));
        Assert.Contains("duplicate", events.GetProperty("description").GetString());
    }

    private async Task<JsonDocument> GetDocumentAsync()
    {
        var response = await factory.Client(key: null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
