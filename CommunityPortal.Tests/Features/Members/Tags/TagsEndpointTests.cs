using System.Net;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Security;
using static CommunityPortal.Tests.Features.Members.MembersApiSeed;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Members.Tags;

public sealed class TagsEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task TagGroupAndTag_CreateReadUpdateDelete()
    {
        var editor = factory.ClientAs(Roles.Operator);
        var manager = factory.ClientAs(Roles.Manager);
        var name = $"兴趣{Next()}";

        var group = await (await editor.PostJsonAsync("/api/v1/tag-groups", new { name, kind = "Attribute" })).ReadAsync<TagGroupDto>(HttpStatusCode.Created);
        var tag = await (await editor.PostJsonAsync("/api/v1/tags", new { tagGroupId = group.Id, name = "亲子阅读", colour = "8e24aa" }))
            .ReadAsync<TagDto>(HttpStatusCode.Created);
        var renamed = await (await editor.PutJsonAsync($"/api/v1/tags/{tag.Id}", new { tagGroupId = group.Id, name = "绘本阅读", colour = "#8E24AA", version = tag.Version }))
            .ReadAsync<TagDto>();
        var listed = await (await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/tags?tagGroupId={group.Id}")).ReadAsync<List<TagDto>>();
        var readGroup = await (await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/tag-groups/{group.Id}")).ReadAsync<TagGroupDto>();

        Assert.Equal("#8E24AA", tag.Colour);
        Assert.Equal("绘本阅读", Assert.Single(listed).Name);
        Assert.Equal(renamed.Id, Assert.Single(readGroup.Tags).Id);
        await (await manager.DeleteAsync($"/api/v1/tag-groups/{group.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/tags/{tag.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/tag-groups/{group.Id}")).StatusCode);
        await (await editor.GetAsync($"/api/v1/tag-groups/{group.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await editor.GetAsync($"/api/v1/tags/{tag.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tag_BadFields_Are400NamingThem()
    {
        var group = (await TagAsync(factory.Services)).TagGroupId;
        var editor = factory.ClientAs(Roles.Operator, "en");

        var problem = await (await editor.PostJsonAsync("/api/v1/tags", new { tagGroupId = group, name = "", colour = "red" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var noGroup = await (await editor.PostJsonAsync("/api/v1/tags", new { name = "无组" })).ReadFieldErrorsAsync("tagGroupId");

        Assert.Equal(["colour", "name"], problem.Errors.Keys.Order());
        Assert.NotEmpty(noGroup);
    }

    [Fact]
    public async Task Updates_WithAStaleVersion_Are409_AndNeedAVersion()
    {
        var editor = factory.ClientAs(Roles.Operator);
        var group = await (await editor.PostJsonAsync("/api/v1/tag-groups", new { name = $"成长{Next()}", kind = "Growth" })).ReadAsync<TagGroupDto>(HttpStatusCode.Created);
        await (await editor.PutJsonAsync($"/api/v1/tag-groups/{group.Id}", new { name = group.Name + "A", kind = "Growth", version = group.Version })).ReadAsync<TagGroupDto>();

        await (await editor.PutJsonAsync($"/api/v1/tag-groups/{group.Id}", new { name = group.Name + "B", kind = "Growth", version = group.Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(await (await editor.PutJsonAsync($"/api/v1/tag-groups/{group.Id}", new { name = "x" })).ReadFieldErrorsAsync("version"));
    }

    [Fact]
    public async Task Roles_ViewersRead_OperatorsWrite_ManagersDelete()
    {
        var tag = await TagAsync(factory.Services);

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Viewer).GetAsync("/api/v1/tag-groups")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Viewer).PostJsonAsync("/api/v1/tag-groups", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Operator).DeleteAsync($"/api/v1/tags/{tag.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client(key: null).GetAsync("/api/v1/tags")).StatusCode);
    }
}
