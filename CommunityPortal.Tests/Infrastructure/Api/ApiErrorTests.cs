using System.Net;
using CommunityPortal.Infrastructure.Security;

namespace CommunityPortal.Tests.Infrastructure.Api;

/// <summary>Bad input never gets a 500 or an HTML page: always ProblemDetails, naming the field where it can.</summary>
public sealed class ApiErrorTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private HttpClient Client(string? language = null) => factory.ClientAs(Roles.Admin, language);

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var response = await Client().PostRawAsync("/api/v1/themes", "this is not json");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("请求体不是有效的 JSON。", problem.Detail);
    }

    [Fact]
    public async Task Post_ValueOfWrongType_Returns400NamingTheField()
    {
        var response = await Client("en").PostRawAsync("/api/v1/groups", """{"name":"x","capacity":"lots"}""");

        var messages = await response.ReadFieldErrorsAsync("capacity");
        Assert.Contains("capacity", messages[0]);
    }

    [Fact]
    public async Task Post_UnknownEnumName_Returns400NamingTheField()
    {
        var response = await Client().PostRawAsync("/api/v1/groups", """{"name":"x","tier":"Gold"}""");

        await response.ReadFieldErrorsAsync("tier");
    }

    [Fact]
    public async Task Post_InvalidDate_Returns400NamingTheField()
    {
        var response = await Client().PostRawAsync("/api/v1/activities", """{"seriesId":1,"startDate":"2026-13-40","endDate":"2026-12-01"}""");

        await response.ReadFieldErrorsAsync("startDate");
    }

    [Fact]
    public async Task Post_EmptyJsonBody_Returns400Problem()
    {
        var response = await Client("en").PostRawAsync("/api/v1/themes", "");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("A JSON request body is required.", problem.Detail);
    }

    [Fact]
    public async Task Post_FormBody_Returns415Problem()
    {
        var response = await Client().PostRawAsync("/api/v1/themes", "name=x", "application/x-www-form-urlencoded");

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Patch_Returns405WithTheAllowedMethods()
    {
        var response = await Client().PatchAsync("/api/v1/groups/1", null);

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PUT"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v2/themes")]
    [InlineData("/api/v1/groups/not-a-number")]
    public async Task UnknownAddress_Returns404Problem(string path)
    {
        await (await Client().GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/themes/99999")]
    [InlineData("/api/v1/series/99999")]
    [InlineData("/api/v1/activities/99999")]
    [InlineData("/api/v1/groups/99999")]
    public async Task Get_UnknownId_Returns404Problem(string path)
    {
        var problem = await (await Client("en").GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.EndsWith("does not exist.", problem.Detail);
    }

    [Fact]
    public async Task ValidationMessages_AreChineseByDefault_AndEnglishWhenAsked()
    {
        var zh = await (await Client().PostJsonAsync("/api/v1/themes", new { name = "" })).ReadFieldErrorsAsync("name");
        var en = await (await Client("en").PostJsonAsync("/api/v1/themes", new { name = "" })).ReadFieldErrorsAsync("name");

        Assert.Equal("Name is required.", Assert.Single(en));
        Assert.NotEqual(en[0], Assert.Single(zh));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh[0]);
    }

    [Fact]
    public async Task ListQuery_WithWrongTypes_Returns400NamingTheParameter()
    {
        await (await Client().GetAsync("/api/v1/groups?tier=Gold")).ReadFieldErrorsAsync("tier");
        await (await Client().GetAsync("/api/v1/groups?take=many")).ReadFieldErrorsAsync("take");
        await (await Client().GetAsync("/api/v1/themes?includeArchived=perhaps")).ReadFieldErrorsAsync("includeArchived");
    }
}
