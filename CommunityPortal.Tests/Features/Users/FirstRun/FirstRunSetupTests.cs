using CommunityPortal.Features.Users.FirstRun;
using Microsoft.AspNetCore.Http;

namespace CommunityPortal.Tests.Features.Users.FirstRun;

public sealed class FirstRunSetupTests
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/matrix")]
    [InlineData("GET", "/Account/Login")]
    [InlineData("GET", "/admin/users")]
    [InlineData("HEAD", "/groups")]
    public void IsPageRequest_ForPages_IsTrue(string method, string path) =>
        Assert.True(FirstRunSetup.IsPageRequest(method, new PathString(path)));

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("GET", "/setup")]
    [InlineData("GET", "/Setup")]
    [InlineData("GET", "/_framework/blazor.web.js")]
    [InlineData("GET", "/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("GET", "/_blazor")]
    [InlineData("GET", "/app.css")]
    [InlineData("GET", "/favicon.svg")]
    [InlineData("GET", "/CommunityPortal.styles.css")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/api/v1/groups")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("GET", "/culture")]
    [InlineData("GET", "/not-found")]
    public void IsPageRequest_ForEverythingElse_IsFalse(string method, string path) =>
        Assert.False(FirstRunSetup.IsPageRequest(method, new PathString(path)));
}
