using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class PosterEditorBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "poster@example.com";
    private const string Password = "Poster-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "小李");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_DesignsAChinesePoster_SeesThePreviewAndDownloadsTheA5Pdf()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.WaitInteractiveAsync();
        await page.Locator("a[href='/posters'], a[href='posters']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("海报与二维码");
        // Nothing typed yet: no field is marked wrong, the preview says what to do.
        await Assertions.Expect(page.GetByTestId("poster-invalid")).ToContainTextAsync("填好表单后");
        await Assertions.Expect(portal.InvalidInputs()).ToHaveCountAsync(0);

        await page.GetByLabel("目标链接").FillAsync(RenderingServices.LiveCodeUrl);
        await page.GetByLabel("标题").First.FillAsync("21天阅读训练营");
        await page.GetByLabel("正文").FillAsync("每天 15 分钟,和书友一起读完一本书。");
        await page.GetByLabel("正文").PressAsync("Tab");

        var preview = page.GetByTestId("poster-preview");
        await Assertions.Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=poster-preview]'); return i && i.complete && i.naturalWidth > 0; }");
        await Screenshots.TakeAsync(page, "poster-editor");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载 PDF（A5）").ClickAsync());
        var path = await download.PathAsync();
        var pdf = await File.ReadAllBytesAsync(path);
        Assert.Equal([(420, 595)], PosterServiceTests.PageSizes(pdf));
        Assert.Contains("21天阅读训练营", PosterServiceTests.PdfToText(pdf));

        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("poster-png").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal("poster-A4.png", png.SuggestedFilename);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal((2480, 3508), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        // The server rendered the PNG from the same layout (no browser canvas): its QR must scan.
        Assert.Equal(RenderingServices.LiveCodeUrl, QrScanTests.Scan(await png.PathAsync()));
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "poster-A4.png"), bytes);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhone_ThePosterPageFitsTheScreen_AndItsFieldsWork()
    {
        var page = await chromium.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("/posters");

        await page.GetByLabel("目标链接").FillAsync(RenderingServices.LiveCodeUrl);
        await page.GetByLabel("目标链接").PressAsync("Tab");
        await portal.ChooseAsync("poster-paper", "A5");

        await Assertions.Expect(page.GetByTestId("poster-preview")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("paper-A5"));
        // On failure, name what sticks out (it failed once in a full run and never alone: the message says what to fix).
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways at 390 px: " + wide);
        await Screenshots.TakeAsync(page, "poster-editor-phone");
        await page.Context.CloseAsync();
    }
}
