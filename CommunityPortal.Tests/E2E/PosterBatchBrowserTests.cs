using System.Text.RegularExpressions;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CommunityPortal.Tests.Infrastructure.Rendering;
using CommunityPortal.Tests.Features.Posters.Batch;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// An operator prints a live code and its two channel codes as one A4 PDF (three pages, each naming its channel),
/// then gives the code a fallback image, which the page shows from the scan page's own image URL.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PosterBatchBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "batch-op@example.com";
    private const string Password = "Operator-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "运营小周");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> SeedLiveCodeWithTwoChannelCodesAsync()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(server.Services, "reading-batch", []);
        using var scope = server.Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        foreach (var name in new[] { "公众号推文", "线下地推" })
        {
            var channel = await channels.CreateAsync(new ChannelInput { Name = name, Type = ChannelType.Other });
            await channels.CreateCodeAsync(code.Id, channel.Id);
        }
        return code.Id;
    }

    [Fact]
    public async Task Operator_PrintsPostersForAllChannelCodes_AsAThreePageA4Pdf_AndSetsTheFallbackImage()
    {
        var id = await SeedLiveCodeWithTwoChannelCodesAsync();
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync($"/livecodes/{id}");
        await Assertions.Expect(page.GetByTestId("channel-code-row")).ToHaveCountAsync(2);

        await page.GetByTestId("batch-posters").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/posters/batch\?livecode={id}$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("批量生成海报");
        await Assertions.Expect(page.GetByTestId("batch-code")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByLabel("公众号推文")).ToBeCheckedAsync();
        await page.GetByLabel("标题").First.FillAsync("21天阅读训练营");
        await page.GetByLabel("标题").First.PressAsync("Tab");
        var a4 = page.GetByTestId("batch-pdf-a4");
        await Assertions.Expect(a4).ToHaveTextAsync("下载 PDF（A4，3 页）");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=poster-preview]'); return i && i.complete && i.naturalWidth > 0; }");
        await Screenshots.TakeAsync(page, "poster-batch-zh");

        var download = await page.RunAndWaitForDownloadAsync(() => a4.ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Equal("posters-reading-batch-A4.pdf", download.SuggestedFilename);
        Assert.Equal(3, PosterBatchServiceTests.PageCount(pdf));
        Assert.Equal([(595, 842), (595, 842), (595, 842)], PosterServiceTests.PageSizes(pdf));
        var pages = PosterBatchServiceTests.PageTexts(pdf);
        Assert.All(pages, text => Assert.Contains("21天阅读训练营", text));
        Assert.Contains("通用码", pages[0]);
        Assert.Contains("渠道：公众号推文", pages[1]);
        Assert.Contains("渠道：线下地推", pages[2]);
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "poster-batch-A4.pdf"), pdf);
        }

        await page.GetByTestId("batch-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fallback-empty")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var staffQr = server.Services.GetRequiredService<QrImageService>().Png(new QrRequest("https://u.wechat.com/staff-xiaozhou", 300));
        await page.GetByTestId("fallback-file").SetInputFilesAsync(new FilePayload { Name = "工作人员.png", MimeType = "image/png", Buffer = staffQr });

        await Assertions.Expect(page.GetByTestId("fallback-status")).ToContainTextAsync("兜底二维码已保存");
        var image = page.GetByTestId("fallback-image");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(300, await image.EvaluateAsync<int>("img => img.naturalWidth"));
        using (var scope = server.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<LiveCodeService>().GetAsync(id)).HasFallbackImage);
        }
        await page.GetByTestId("fallback-panel").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "livecode-fallback-zh");

        // The download choices of one channel code: a 512 px PNG at level Q is what arrives.
        await page.GetByTestId("channel-code-row").Nth(1).GetByTestId("qr-download").ClickAsync();
        await Assertions.Expect(page.GetByTestId("qr-dialog")).ToBeVisibleAsync();
        var dialog = portal.Dialog;
        await dialog.Locator("#qr-size").FillAsync("512");
        await portal.ChooseAsync("qr-level", "Q(25%)");
        await Assertions.Expect(dialog.GetByTestId("qr-download-link")).ToHaveAttributeAsync("href", new Regex("size=512&level=Q&margin=4$"));
        await Screenshots.TakeAsync(page, "livecode-qr-dialog-zh");
        var qr = await page.RunAndWaitForDownloadAsync(() => dialog.GetByTestId("qr-download-link").ClickAsync());
        var (width, height, _) = QrImageServiceTests.DecodeMonochrome(await File.ReadAllBytesAsync(await qr.PathAsync()));
        Assert.Equal((512, 512), (width, height));
        await page.Context.CloseAsync();
    }
}
