using CommunityPortal.Features.Visitors;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.Playwright;
using CommunityPortal.Tests.Features.LiveCodes.Scanning;

namespace CommunityPortal.Tests.E2E;

/// <summary>An operator with a portal page open hears in real time that a live code's pool is filling up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCodeAlertBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "alert-operator@example.com";
    private const string Password = "Operator-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "李运营");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ScansPushingAPoolPastEightyPercent_ShowAToastAndRaiseTheBellCount_WithoutReload()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(server.Services, "读书会1群");
        await LiveCodeSeed.LiveCodeAsync(server.Services, "alert-pool", [new(group, 5)]);
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("/groups");
        await Assertions.Expect(page.GetByTestId("alert-bell")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("alert-count")).ToHaveCountAsync(0);

        // Four people scan on their phones (each with their own visitor cookie): 4 of 5 seats.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/q/alert-pool");
            request.Headers.TryAddWithoutValidation("User-Agent", ScanEndpointTests.WeChatAgent);
            request.Headers.TryAddWithoutValidation("Cookie", $"{VisitorCookie.Name}=alert-visitor-{i:D8}");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"scan {i}: {response.StatusCode}");
            Assert.Contains("读书会1群", await response.Content.ReadAsStringAsync());
        }

        var toast = page.GetByTestId("toast").Filter(new() { HasText = "群池已用 80%（4 / 5 人）" });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        await Assertions.Expect(toast).ToHaveAttributeAsync("data-severity", "warning");
        await Assertions.Expect(page.GetByTestId("alert-count")).ToHaveTextAsync("1");
        await Screenshots.TakeAsync(page, "livecode-alert-toast-zh");

        await page.GetByTestId("alert-bell").ClickAsync();
        await Assertions.Expect(page.GetByTestId("alert-item")).ToContainTextAsync("活码 alert-pool");
        await Screenshots.TakeAsync(page, "livecode-alert-bell-zh");
        await page.GetByTestId("alert-item").ClickAsync();
        await Assertions.Expect(page.GetByTestId("health-alert")).ToContainTextAsync("群池已用 80%");
        await Screenshots.TakeAsync(page, "livecode-health-panel-zh");
        await page.Context.CloseAsync();
    }
}
