using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>Issue 8, point 4: the published app works whatever the working directory; its data go where it is told.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishedAppBrowserTests(ChromiumFixture chromium, PublishedPortal portal) : IClassFixture<PublishedPortal>
{
    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_ServesItsScripts_AndRunsInteractively()
    {
        var created = await portal.AdminAsync("create-user", "--email", "ops@example.com", "--password", "Ops-secret-2026", "--role", "Admin");
        Assert.True(created.Code == 0, created.Output);

        using (var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) })
        {
            // Not just 200: the bytes (a content root in the working directory answered 200 with an empty body).
            Assert.True((await http.GetByteArrayAsync("/_framework/blazor.web.js")).Length > 50_000);
            Assert.True((await http.GetByteArrayAsync("/_content/MudBlazor/MudBlazor.min.css")).Length > 50_000);
            Assert.NotEmpty(await http.GetByteArrayAsync("/app.css"));
        }

        var page = await chromium.NewPageAsync();
        await new LoginPage(page, portal.BaseUrl).SignInAsync("ops@example.com", "Ops-secret-2026");
        var home = new PortalPage(page, portal.BaseUrl);
        await home.WaitInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("欢迎使用社群运营门户");
        await Screenshots.TakeAsync(page, "published-app-home");
        await page.Context.CloseAsync();

        // The database and the sign-in keys are in Portal__DataPath, not in the working directory or beside the binaries.
        Assert.True(File.Exists(Path.Combine(portal.DataDirectory, "portal.db")));
        Assert.True(Directory.Exists(Path.Combine(portal.DataDirectory, "keys")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(portal.WorkingDirectory));
        Assert.False(Directory.Exists(Path.Combine(portal.AppDirectory, "data")));
    }
}
