using System.Net;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CommunityPortal.Tests.Features.LiveCodes.Scanning;

namespace CommunityPortal.Tests.E2E;

/// <summary>An operator watches a live code's page while people scan its poster: the numbers move without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCodeStatsBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "lc-operator@example.com";
    private const string Password = "Operator-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "李运营");

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A phone with WeChat: its own cookie jar, so each phone is one person.</summary>
    private HttpClient Phone()
    {
        var phone = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        phone.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ScanEndpointTests.WeChatAgent);
        return phone;
    }

    [Fact]
    public async Task OpenLiveCodePage_CountsScansLive_WithoutReload()
    {
        _ = server.BaseUrl;
        var group = await LiveCodeSeed.OpenGroupAsync(server.Services, "读书会1群");
        var code = await LiveCodeSeed.LiveCodeAsync(server.Services, "live-stats", [new(group, 100)]);
        using var scope = server.Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var article = await channels.CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article, Cost = 90m });
        var channelCode = await channels.CreateCodeAsync(code.Id, article.Id);

        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync($"/livecodes/{code.Id}");
        await Assertions.Expect(page.GetByTestId("stats-empty")).ToContainTextAsync("这段时间还没有人扫码");
        await Assertions.Expect(page.GetByTestId("stats-live")).ToBeVisibleAsync();
        await page.EvaluateAsync("window.__sameDocument = true");

        using (var anna = Phone())
        using (var bo = Phone())
        using (var chen = Phone())
        {
            await ScanAsync(anna, "/q/live-stats");
            await ScanAsync(bo, $"/q/live-stats?c={channelCode.Key}");
            await ScanAsync(anna, "/q/live-stats");
            await Assertions.Expect(Tile(page, "Scans")).ToHaveTextAsync("3", new() { Timeout = 20_000 });
            await Assertions.Expect(Tile(page, "NewPeople")).ToHaveTextAsync("2");
            await Assertions.Expect(Tile(page, "Repeats")).ToHaveTextAsync("1");

            // More people while the page stays open.
            await ScanAsync(chen, $"/q/live-stats?c={channelCode.Key}");
            await Assertions.Expect(Tile(page, "Scans")).ToHaveTextAsync("4", new() { Timeout = 20_000 });
        }

        await Assertions.Expect(Tile(page, "UniquePeople")).ToHaveTextAsync("3");
        var articleRow = page.GetByTestId("stats-channel-row").Filter(new() { HasText = "公众号推文" });
        await Assertions.Expect(articleRow.GetByTestId("stats-channel-scans")).ToHaveTextAsync("2");
        await Assertions.Expect(articleRow).ToContainTextAsync("45.00");
        await Assertions.Expect(page.GetByTestId("stats-group-new")).ToHaveTextAsync("3");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "The page was reloaded.");
        await Screenshots.TakeAsync(page, "livecode-stats-zh");
        await page.Context.CloseAsync();
    }

    private async Task ScanAsync(HttpClient phone, string path)
    {
        var response = await phone.GetAsync(server.Url(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ILocator Tile(IPage page, string key) => page.GetByTestId($"stat-{key}").Locator(".stats-tile-value");
}
