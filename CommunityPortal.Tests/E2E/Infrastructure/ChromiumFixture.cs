using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Infrastructure;

/// <summary>
/// One headless Debian chromium for all browser tests (Playwright cannot download its own browsers here).
/// CHROMIUM_PATH overrides /usr/bin/chromium.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // CI runs the whole suite on two shared cores: a server round trip can take seconds there.
        Assertions.SetDefaultExpectTimeout(10_000);
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: run `apt-get install -y chromium` (see README).");
        }
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) for one user, with a Chinese browser locale by default.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1366, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A phone (own cookies, touch, 390×844) whose browser says it is WeChat's in-app browser, as scanners' phones do.</summary>
    public async Task<IPage> NewPhoneAsync(string userAgent = WeChatPhoneAgent)
    {
        var context = await Browser.NewContextAsync(new()
        {
            Locale = "zh-CN", UserAgent = userAgent, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public const string WeChatPhoneAgent = Features.LiveCodes.Scanning.ScanEndpointTests.WeChatAgent;

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
