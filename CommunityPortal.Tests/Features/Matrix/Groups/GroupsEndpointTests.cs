using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class GroupsEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _client = factory.ClientAs(Roles.Manager);

    [Fact]
    public async Task Group_RoundTrip_CreateReadUpdateArchive_WithGlossaryNames()
    {
        var activity = await _client.CreateActivityAsync();
        var create = await _client.PostJsonAsync("/api/v1/groups", new
        {
            name = "1期-福利群",
            activityId = activity.Id,
            tier = "Welfare",
            lifetime = "Temporary",
            ownerEmail = ApiSite.OwnerEmail,
            capacity = 300,
            memberCount = 12,
            status = "Open",
            rules = new[] { "不发广告", "友善交流" },
            announcement = "本周共读《三体》",
            welcomeMessage = "欢迎！",
            labels = new[] { "北京", "读书" },
        });
        var created = await create.ReadAsync<GroupResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/groups/{created.Id}", create.Headers.Location?.OriginalString);

        var json = JsonDocument.Parse(await (await _client.GetAsync($"/api/v1/groups/{created.Id}")).Content.ReadAsStringAsync()).RootElement;
        string[] glossary =
        [
            "id", "name", "activityId", "tier", "lifetime", "ownerEmail", "capacity", "memberCount", "status", "rules",
            "announcement", "welcomeMessage", "labels", "version", "createdAt", "updatedAt",
        ];
        Assert.Equal(glossary, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Welfare", json.GetProperty("tier").GetString());
        Assert.Equal(ApiSite.OwnerEmail, json.GetProperty("ownerEmail").GetString());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString());
        Assert.Equal(["不发广告", "友善交流"], json.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));

        var updated = await (await _client.PutJsonAsync($"/api/v1/groups/{created.Id}", new
        {
            name = "1期-核心群", activityId = activity.Id, tier = "Core", lifetime = "LongTerm", capacity = 500, memberCount = 500,
            status = "Full", labels = new[] { "上海" }, version = created.Version,
        })).ReadAsync<GroupResponse>();
        Assert.Equal(
            ("1期-核心群", GroupTier.Core, GroupLifetime.LongTerm, (string?)null, 500, GroupStatus.Full, 2),
            (updated.Name, updated.Tier, updated.Lifetime, updated.OwnerEmail, updated.MemberCount, updated.Status, updated.Version));
        Assert.Empty(updated.Rules);
        Assert.Equal(["上海"], updated.Labels);

        var archived = await (await _client.PostAsync($"/api/v1/groups/{created.Id}/archive", null)).ReadAsync<GroupResponse>();
        Assert.Equal(GroupStatus.Archived, archived.Status);
    }

    [Fact]
    public async Task Create_Standalone_HasNoActivity_AndDefaults()
    {
        var group = await _client.CreateGroupAsync(new { name = MatrixApi.Unique("长期群") });

        Assert.Equal(((int?)null, GroupTier.Welfare, GroupLifetime.Temporary, 200, GroupStatus.Planned),
            (group.ActivityId, group.Tier, group.Lifetime, group.Capacity, group.Status));
    }

    [Fact]
    public async Task Delete_PlannedEmptyGroup_Returns204_ButOneWithMembers409()
    {
        var empty = await _client.CreateGroupAsync(new { name = MatrixApi.Unique("空群") });
        var busy = await _client.CreateGroupAsync(new { name = MatrixApi.Unique("热群"), memberCount = 3, status = "Open" });

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/groups/{empty.Id}")).StatusCode);
        await (await _client.GetAsync($"/api/v1/groups/{empty.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"/api/v1/groups/{busy.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"name":"g","capacity":0}""", "capacity")]
    [InlineData("""{"name":"g","capacity":501}""", "capacity")]
    [InlineData("""{"capacity":10}""", "name")]
    [InlineData("""{"name":"g","ownerEmail":"nobody@example.cn"}""", "ownerEmail")]
    [InlineData("""{"name":"g","rules":["1","2","3","4"]}""", "rules")]
    [InlineData("""{"name":"g","activityId":99999}""", "activityId")]
    [InlineData("""{"name":"g","capacity":10,"memberCount":11}""", "memberCount")]
    [InlineData("""{"name":"g","lifetime":"Forever"}""", "lifetime")]
    [InlineData("""{"name":"g","status":7}""", "status")]
    public async Task Create_InvalidField_Returns400NamingIt(string body, string field)
    {
        await (await _client.PostRawAsync("/api/v1/groups", body)).ReadFieldErrorsAsync(field);
    }

    [Fact]
    public async Task Create_ManyMistakes_NamesEveryField_InEnglishWhenAsked()
    {
        var response = await factory.ClientAs(Roles.Manager, "en").PostJsonAsync("/api/v1/groups",
            new { name = "", capacity = 501, ownerEmail = "nobody@example.cn", rules = new[] { "a", "b", "c", "d" } });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["capacity", "name", "ownerEmail", "rules"], problem.Errors.Keys.Order());
        Assert.Equal("Capacity must be between 1 and 500.", Assert.Single(problem.Errors["capacity"]));
        Assert.Equal("One or more fields are invalid.", problem.Title);
    }

    [Fact]
    public async Task Create_DuplicateNameInSameActivity_Returns400NamingName()
    {
        var activity = await _client.CreateActivityAsync();
        await _client.CreateGroupAsync(new { name = "1群", activityId = activity.Id });

        await (await _client.PostJsonAsync("/api/v1/groups", new { name = "1群", activityId = activity.Id })).ReadFieldErrorsAsync("name");
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409_AndKeepsTheFirstSave()
    {
        var group = await _client.CreateGroupAsync(new { name = MatrixApi.Unique("群") });
        var first = await _client.PutJsonAsync($"/api/v1/groups/{group.Id}", new { name = group.Name, memberCount = 5, version = group.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await _client.PutJsonAsync($"/api/v1/groups/{group.Id}", new { name = group.Name, memberCount = 9, version = group.Version });

        await second.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(5, (await (await _client.GetAsync($"/api/v1/groups/{group.Id}")).ReadAsync<GroupResponse>()).MemberCount);
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        await (await _client.PutJsonAsync("/api/v1/groups/99999", new { name = "x", version = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_PagesThroughFilteredGroups()
    {
        var label = MatrixApi.Unique("页");
        for (var i = 1; i <= 5; i++)
        {
            await _client.CreateGroupAsync(new { name = $"{label}-{i}", labels = new[] { label } });
        }

        var first = await PageAsync($"label={label}&take=2");
        var third = await PageAsync($"label={label}&take=2&skip=4");

        Assert.Equal((5, 0, 2), (first.TotalCount, first.Skip, first.Take));
        Assert.Equal([$"{label}-1", $"{label}-2"], first.Items.Select(g => g.Name));
        Assert.Equal([$"{label}-5"], third.Items.Select(g => g.Name));
        Assert.Equal(20, (await PageAsync($"label={label}")).Take);
    }

    [Fact]
    public async Task List_SortsByMemberCountDescending()
    {
        var label = MatrixApi.Unique("排");
        foreach (var (name, members) in new[] { ("a", 5), ("b", 50), ("c", 20) })
        {
            await _client.CreateGroupAsync(new { name = $"{label}-{name}", memberCount = members, status = "Open", labels = new[] { label } });
        }

        var page = await PageAsync($"label={label}&sortBy=memberCount&desc=true");

        Assert.Equal([50, 20, 5], page.Items.Select(g => g.MemberCount));
    }

    [Fact]
    public async Task List_FiltersByTierStatusLifetimeOwnerSearchActivityAndStandalone()
    {
        var label = MatrixApi.Unique("筛");
        var activity = await _client.CreateActivityAsync();
        await _client.CreateGroupAsync(new { name = $"{label}-核心", tier = "Core", status = "Open", labels = new[] { label }, activityId = activity.Id });
        await _client.CreateGroupAsync(new { name = $"{label}-流通", tier = "Circulation", lifetime = "LongTerm", labels = new[] { label } });
        await _client.CreateGroupAsync(new { name = $"{label}-福利", ownerEmail = ApiSite.OwnerEmail, labels = new[] { label } });

        Assert.Equal([$"{label}-核心"], await NamesAsync($"label={label}&tier=Core"));
        Assert.Equal([$"{label}-核心"], await NamesAsync($"label={label}&status=Open"));
        Assert.Equal([$"{label}-流通"], await NamesAsync($"label={label}&lifetime=LongTerm"));
        Assert.Equal([$"{label}-福利"], await NamesAsync($"label={label}&ownerEmail={ApiSite.OwnerEmail}"));
        Assert.Equal([$"{label}-流通"], await NamesAsync($"search={Uri.EscapeDataString(label + "-流")}"));
        Assert.Equal([$"{label}-核心"], await NamesAsync($"activityId={activity.Id}"));
        Assert.Equal([$"{label}-福利", $"{label}-流通"], await NamesAsync($"label={label}&standalone=true&sortBy=name&desc=true"));
    }

    [Fact]
    public async Task List_LeavesArchivedOut_UnlessAsked()
    {
        var label = MatrixApi.Unique("档");
        var group = await _client.CreateGroupAsync(new { name = label, labels = new[] { label } });
        await _client.PostAsync($"/api/v1/groups/{group.Id}/archive", null);

        Assert.Empty(await NamesAsync($"label={label}"));
        Assert.Equal([label], await NamesAsync($"label={label}&includeArchived=true"));
        Assert.Equal([label], await NamesAsync($"label={label}&status=Archived"));
    }

    [Theory]
    [InlineData("take=201", "take")]
    [InlineData("take=0", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("sortBy=shoeSize", "sortBy")]
    [InlineData("status=Closed", "status")]
    public async Task List_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        await (await _client.GetAsync("/api/v1/groups?" + query)).ReadFieldErrorsAsync(field);
    }

    [Fact]
    public async Task List_AsViewer_Succeeds_ButCreateIsForbidden()
    {
        var viewer = factory.ClientAs(Roles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/groups")).StatusCode);
        await (await viewer.PostJsonAsync("/api/v1/groups", new { name = "x" })).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<Page> PageAsync(string query) =>
        await (await _client.GetAsync("/api/v1/groups?" + query)).ReadAsync<Page>();

    private async Task<List<string>> NamesAsync(string query) => [.. (await PageAsync(query)).Items.Select(g => g.Name)];

    private sealed record Page(List<GroupResponse> Items, int TotalCount, int Skip, int Take);
}
