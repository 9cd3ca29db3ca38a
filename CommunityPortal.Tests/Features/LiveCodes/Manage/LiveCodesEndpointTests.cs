using System.Net;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.LiveCodes.Manage;

public sealed class LiveCodesEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Api_CreatesChannelLiveCodePoolAndChannelCode_AndTheScanUsesThem()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(factory.Services, "API群");
        var editor = factory.ClientAs(Roles.Operator);

        var channel = await (await editor.PostJsonAsync("/api/v1/channels", new { name = "公众号推文", type = "Article", cost = 300 }))
            .ReadAsync<ChannelResponse>(HttpStatusCode.Created);
        var code = await (await editor.PostJsonAsync("/api/v1/livecodes", new { name = "春季招募", slug = "api-spring", mode = "RoundRobin" }))
            .ReadAsync<LiveCodeResponse>(HttpStatusCode.Created);
        var pooled = await (await editor.PutJsonAsync($"/api/v1/livecodes/{code.Id}/pool",
            new { entries = new[] { new { groupId = group, threshold = 20 } }, version = code.Version })).ReadAsync<LiveCodeResponse>();
        var channelCode = await (await editor.PostJsonAsync($"/api/v1/livecodes/{code.Id}/channel-codes", new { channelId = channel.Id }))
            .ReadAsync<ChannelCodeResponse>(HttpStatusCode.Created);

        Assert.Equal("/q/api-spring", code.ScanPath);
        Assert.Equal(CommunityPortal.Features.LiveCodes.RotationMode.RoundRobin, pooled.Mode);
        Assert.Equal(20, Assert.Single(pooled.Pool).EffectiveThreshold);
        var page = await factory.CreateClient().GetAsync(channelCode.ScanPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Api_MalformedSlug_IsA400NamingSlug()
    {
        var response = await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/livecodes", new { name = "x", slug = "Not OK" });

        Assert.NotEmpty(await response.ReadFieldErrorsAsync("slug"));
    }

    [Fact]
    public async Task Api_ViewerCannotCreate()
    {
        var response = await factory.ClientAs(Roles.Viewer).PostJsonAsync("/api/v1/channels", new { name = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_ListsLiveCodesAndChannels()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/livecodes/{id}/pool", document);
        Assert.Contains("/api/v1/livecodes/{id}/stats", document);
        Assert.Contains("/api/v1/channels", document);
    }
}
