using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CommunityPortal.Components;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Posters.Editor;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

public sealed class QrDownloadDialogTests : BunitContext, IAsyncLifetime
{
    private const string UserId = "user-1";
    private string? publicBase;
    private static readonly string EscapedUrl = Uri.EscapeDataString(RenderingServices.LiveCodeUrl);
    private readonly BunitAuthorizationContext _auth;

    public QrDownloadDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalLocalization();
        Services.AddRendering(RenderingTestConfiguration.Default());
        Services.AddPortalUi();
        // Read when a page first needs it: a test may set publicBase before rendering.
        Services.AddSingleton(_ => RenderingTestConfiguration.PublicAddress(publicBase));
        _auth = AddAuthorization();
        _auth.SetAuthorized("operator@example.com");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        _auth.SetPolicies(Policies.Read, Policies.Edit);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>The dialog as QrDownloadButton opens it: through the dialog service, inside the provider.</summary>
    private IRenderedComponent<MudDialogProvider> RenderDialog(string? url = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<QrDownloadDialog>("QR",
            new DialogParameters<QrDownloadDialog> { { d => d.Url, url ?? RenderingServices.LiveCodeUrl } }));
        provider.WaitForElement("[data-testid=qr-dialog]");
        return provider;
    }

    private static string DownloadHref(IRenderedComponent<MudDialogProvider> cut) => cut.Find("[data-testid=qr-download-link]").GetAttribute("href")!;

    private static Task ChooseAsync<T>(IRenderedComponent<MudDialogProvider> cut, T value) =>
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<T>>().Instance.ValueChanged.InvokeAsync(value));

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void Defaults_ArePng1024LevelMMargin4_AsAPlainRenderLink()
    {
        using var _ = new CultureScope("zh-CN");

        var cut = RenderDialog();

        Assert.Equal($"render/qr.png?url={EscapedUrl}&size=1024&level=M&margin=4", DownloadHref(cut));
        Assert.Equal("下载 PNG（1024 px）", cut.Find("[data-testid=qr-download-link]").TextContent.Trim());
    }

    [Fact]
    public async Task ChosenSizeLevelMarginAndSvg_AreInTheLink()
    {
        var cut = RenderDialog();

        cut.Find("#qr-size").Change("2048");
        await ChooseAsync(cut, QrLevel.H);
        cut.Find("#qr-margin").Change("0");
        await cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<string>>().Instance.ValueChanged.InvokeAsync("svg"));

        cut.WaitForAssertion(() => Assert.Equal($"render/qr.svg?url={EscapedUrl}&size=2048&level=H&margin=0", DownloadHref(cut)));
    }

    [Fact]
    public void OutOfRangeSizeAndMargin_AreNamed_AndThereIsNoLink()
    {
        using var _ = new CultureScope("en");
        var cut = RenderDialog();

        cut.Find("#qr-size").Change("100");
        cut.Find("#qr-margin").Change("11");

        cut.WaitForAssertion(() => Assert.Equal("Size (px) must be between 256 and 2048.", cut.Find("#qr-size-error").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("between 0 and 10", cut.Find("#qr-margin-error").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=qr-download-link]"));
    }

    [Fact]
    public void WithALogo_TheLinkIsTheUsersDraft_AtLevelH()
    {
        var cut = RenderDialog();
        cut.Find("#qr-size").Change("512");
        cut.WaitForAssertion(() => Assert.Contains("size=512", DownloadHref(cut)));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(RenderingServices.StripesPng, "logo.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.StartsWith("render/drafts/", DownloadHref(cut)));
        var href = DownloadHref(cut);
        Assert.Contains("/qr.png?v=", href);
        Assert.True(cut.Find("#qr-level").HasAttribute("disabled"));
        var draft = Services.GetRequiredService<PosterDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!.Value;
        Assert.Equal((RenderingServices.LiveCodeUrl, "H", 4, 512), (draft.Spec.Url, draft.Spec.QrLevel, draft.Spec.QrMargin, draft.QrSize));
        Assert.Equal(RenderingServices.StripesPng, draft.Spec.Logo);
    }

    [Fact]
    public void ADamagedJpegLogo_IsNamed_AndThereIsNoLink()
    {
        using var _ = new CultureScope("zh-CN");
        var cut = RenderDialog();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "logo.jpg", contentType: "image/jpeg"));

        cut.WaitForAssertion(() => Assert.Contains("中心 Logo", cut.Find("[data-field=Logo]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=qr-download-link]"));
    }

    [Fact]
    public void AJpegLogo_GivesAPngLinkOfTheUsersDraft()
    {
        var cut = RenderDialog();
        var jpeg = TestImages.Jpeg(48, 48, new SkiaSharp.SKColor(200, 30, 30));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(jpeg, "logo.jpg", contentType: "image/jpeg"));

        cut.WaitForAssertion(() => Assert.StartsWith("render/drafts/", DownloadHref(cut)));
        Assert.Contains("/qr.png?v=", DownloadHref(cut));
        Assert.Empty(cut.FindAll("[data-field=Logo]"));
        var draft = Services.GetRequiredService<PosterDrafts>().Find(Guid.Parse(DownloadHref(cut).Split('/')[2]), UserId)!.Value;
        Assert.Equal(jpeg, draft.Spec.Logo);
    }

    [Fact]
    public void Viewer_GetsSizeLevelMarginAndFormat_ButNoLogo()
    {
        _auth.SetPolicies(Policies.Read);

        var cut = RenderDialog();

        Assert.Empty(cut.FindAll("[data-testid=qr-logo]"));
        Assert.StartsWith("render/qr.png?", DownloadHref(cut));
    }

    /// <summary>Portal:PublicBaseUrl set: a code of this portal made from the browser's address downloads with the public one.</summary>
    [Fact]
    public void WithAPublicAddress_ACodeMadeFromTheBrowsersAddress_CarriesThePublicOne()
    {
        publicBase = RenderingTestConfiguration.PublicBase;

        var cut = RenderDialog("http://localhost/q/reading?c=kol01");

        Assert.Equal("https://qun.example.com/q/reading?c=kol01", cut.Find("[data-testid=qr-dialog-url]").TextContent);
        Assert.Equal($"render/qr.png?url={Uri.EscapeDataString("https://qun.example.com/q/reading?c=kol01")}&size=1024&level=M&margin=4",
            DownloadHref(cut));
    }

    [Fact]
    public void ALinkElsewhere_IsLeftAsItIs()
    {
        publicBase = RenderingTestConfiguration.PublicBase;

        var cut = RenderDialog();

        Assert.Equal(RenderingServices.LiveCodeUrl, cut.Find("[data-testid=qr-dialog-url]").TextContent);
    }

    [Fact]
    public void EveryFieldHasALabel() => RenderedFields.AssertEveryFieldIsNamed(RenderDialog());
}
