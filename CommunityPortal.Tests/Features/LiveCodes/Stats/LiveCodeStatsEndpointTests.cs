using System.Net;
using System.Text.Json;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using CommunityPortal.Tests.Infrastructure.Api;
using CommunityPortal.Tests.Features.LiveCodes.Scanning;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class LiveCodeStatsEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private async Task ScanAsync(string path)
    {
        // A new client per scan: no cookie, so every scan is a new person.
        var phone = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        phone.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ScanEndpointTests.WeChatAgent);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Stats_ForAViewer_IsTotalsSeriesGroupsAndChannels()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(factory.Services, "统计群");
        var code = await LiveCodeSeed.LiveCodeAsync(factory.Services, "api-stats", [new(group, 50)]);
        await ScanAsync("/q/api-stats");
        await ScanAsync("/q/api-stats");

        var response = await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/livecodes/{code.Id}/stats?granularity=minute");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = json.RootElement;
        Assert.Equal(code.Id, root.GetProperty("liveCodeId").GetInt32());
        Assert.Equal("Minute", root.GetProperty("granularity").GetString());
        Assert.Equal("Asia/Shanghai", root.GetProperty("timeZone").GetString());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("scans").GetInt32());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("newPeople").GetInt32());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("uniquePeople").GetInt32());
        var series = root.GetProperty("series");
        Assert.Equal(60, series.GetArrayLength());
        Assert.EndsWith("+08:00", series[0].GetProperty("start").GetString());
        Assert.Equal(2, series.EnumerateArray().Sum(b => b.GetProperty("newPeople").GetInt32()));
        var pooled = Assert.Single(root.GetProperty("groups").EnumerateArray());
        Assert.Equal("统计群", pooled.GetProperty("groupName").GetString());
        Assert.Equal(50, pooled.GetProperty("threshold").GetInt32());
        Assert.Equal(4.0, pooled.GetProperty("fillPercent").GetDouble());
        var direct = Assert.Single(root.GetProperty("channels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, direct.GetProperty("channelCodeId").ValueKind);
        Assert.Equal(2, direct.GetProperty("scans").GetInt32());
    }

    [Theory]
    [InlineData("granularity=week", "granularity")]
    [InlineData("granularity=minute&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", "from")]
    [InlineData("from=2026-01-02&to=2026-01-01", "to")]
    [InlineData("to=not-a-time", "to")]
    public async Task Stats_BadQuery_IsA400NamingTheField(string query, string field)
    {
        var code = await LiveCodeSeed.LiveCodeAsync(factory.Services, $"bad-{Guid.NewGuid():N}"[..20], []);

        var response = await factory.ClientAs(Roles.Viewer, "en").GetAsync($"/api/v1/livecodes/{code.Id}/stats?{query}");

        Assert.NotEmpty((await response.ReadFieldErrorsAsync(field))[0]);
    }

    [Fact]
    public async Task Stats_UnknownLiveCode_IsA404Problem()
    {
        var response = await factory.ClientAs(Roles.Viewer).GetAsync("/api/v1/livecodes/987654/stats");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stats_WithoutKey_IsA401Problem()
    {
        var response = await factory.Client(key: null).GetAsync("/api/v1/livecodes/1/stats");

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_DescribesTheStatsEndpoint_WithItsQueryParameters()
    {
        using var document = JsonDocument.Parse(await factory.Client(key: null).GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/livecodes/{id}/stats").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["id", "granularity", "from", "to"], parameters);
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
    }
}
