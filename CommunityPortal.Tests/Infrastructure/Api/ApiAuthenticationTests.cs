using System.Net;
using System.Net.Http.Headers;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Features.Matrix;

namespace CommunityPortal.Tests.Infrastructure.Api;

public sealed class ApiAuthenticationTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task List_WithoutKey_Returns401ProblemAndNoLoginRedirect()
    {
        var client = factory.Client(key: null);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await client.GetAsync("/api/v1/themes");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Contains("X-Api-Key", problem.Detail);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task List_WithUnknownKey_Returns401()
    {
        var response = await factory.Client("cpk_not-a-real-key", "en").GetAsync("/api/v1/groups");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is invalid or has been revoked.", problem.Detail);
    }

    [Fact]
    public async Task List_WithRevokedKey_Returns401()
    {
        var key = await factory.CreateKeyAsync("revoked-soon", Roles.Admin);
        var client = factory.Client(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/themes")).StatusCode);

        await factory.RevokeKeyAsync(key.Key.Id);

        await (await client.GetAsync("/api/v1/themes")).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_AsViewer_Succeeds()
    {
        var theme = await factory.ClientAs(Roles.Operator).CreateThemeAsync();

        var themes = await (await factory.ClientAs(Roles.Viewer).GetAsync("/api/v1/themes")).ReadAsync<List<ThemeResponseView>>();

        Assert.Contains(themes, t => t.Id == theme.Id);
    }

    [Fact]
    public async Task Create_AsViewer_Returns403InTheCallersLanguage()
    {
        var zh = await factory.ClientAs(Roles.Viewer).PostJsonAsync("/api/v1/themes", new { name = MatrixApi.Unique("不许") });
        var en = await factory.ClientAs(Roles.Viewer, "en").PostJsonAsync("/api/v1/themes", new { name = MatrixApi.Unique("no") });

        Assert.Equal("无权操作", (await zh.ReadProblemAsync(HttpStatusCode.Forbidden)).Title);
        Assert.Equal("Forbidden", (await en.ReadProblemAsync(HttpStatusCode.Forbidden)).Title);
    }

    [Theory]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Manager, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    public async Task Archive_NeedsTheManagePolicy(string role, HttpStatusCode expected)
    {
        var theme = await factory.ClientAs(Roles.Operator).CreateThemeAsync();

        var response = await factory.ClientAs(role).PostAsync($"/api/v1/themes/{theme.Id}/archive", null);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Update_AsOperator_IsAllowed()
    {
        var client = factory.ClientAs(Roles.Operator);
        var theme = await client.CreateThemeAsync();

        var response = await client.PutJsonAsync($"/api/v1/themes/{theme.Id}", new { name = theme.Name + "改", version = theme.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed record ThemeResponseView(int Id, string Name);
}
