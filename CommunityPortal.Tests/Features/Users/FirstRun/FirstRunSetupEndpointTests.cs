using System.Net;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Users.FirstRun;

/// <summary>One app, one database: before and after the first user, in order.</summary>
public sealed class FirstRunSetupEndpointTests : IDisposable
{
    private readonly PortalFactory factory = new();

    [Fact]
    public async Task BeforeAnyUser_PagesGoToSetup_AfterwardsSetupIsGone()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);
        Assert.Equal("/setup", (await client.GetAsync("/Account/Login")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);

        var setup = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var html = WebUtility.HtmlDecode(await setup.Content.ReadAsStringAsync());
        Assert.Contains("id=\"setup-email\"", html);
        Assert.Contains("初始化门户", html);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(new NewUserInput
            {
                Email = "boss@example.com", DisplayName = "老板", Password = "secret-2026", Role = Roles.Admin,
            });
        }

        var gone = await client.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("data-testid=\"not-found\"", await gone.Content.ReadAsStringAsync());
        var homeAgain = await client.GetAsync("/");
        Assert.StartsWith("/Account/Login", homeAgain.Headers.Location?.PathAndQuery ?? homeAgain.Headers.Location?.OriginalString);
    }

    public void Dispose() => factory.Dispose();
}
