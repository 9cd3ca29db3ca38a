using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CommunityPortal.Tests.Features.Rendering;

public sealed class QrDownloadDialogTests : BunitContext
{
    private const string UserId = "user-1";
    private static readonly string EscapedUrl = Uri.EscapeDataString(RenderingServices.LiveCodeUrl);
    private readonly BunitAuthorizationContext _auth;

    public QrDownloadDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalLocalization();
        Services.AddRendering(RenderingTestConfiguration.Default());
        Services.AddRadzenComponents();
        _auth = AddAuthorization();
        _auth.SetAuthorized("operator@example.com");
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        _auth.SetPolicies(Policies.Read, Policies.Edit);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private IRenderedComponent<QrDownloadDialog> RenderDialog() =>
        Render<QrDownloadDialog>(p => p.Add(x => x.Url, RenderingServices.LiveCodeUrl));

    private string DownloadHref(IRenderedComponent<QrDownloadDialog> cut) => cut.Find("[data-testid=qr-download-link]").GetAttribute("href")!;

    [Fact]
    public void Defaults_ArePng1024LevelMMargin4_AsAPlainRenderLink()
    {
        using var _ = new CultureScope("zh-CN");

        var cut = RenderDialog();

        Assert.Equal($"render/qr.png?url={EscapedUrl}&size=1024&level=M&margin=4", DownloadHref(cut));
        Assert.Equal("下载 PNG（1024 px）", cut.Find("[data-testid=qr-download-link]").TextContent.Trim());
    }

    [Fact]
    public void ChosenSizeLevelMarginAndSvg_AreInTheLink()
    {
        var cut = RenderDialog();

        cut.Find("#qr-size").Change("2048");
        cut.Find("#qr-level").Change("H");
        cut.Find("#qr-margin").Change("0");
        cut.Find("#qr-format-svg").Change(true);

        Assert.Equal($"render/qr.svg?url={EscapedUrl}&size=2048&level=H&margin=0", DownloadHref(cut));
    }

    [Fact]
    public void OutOfRangeSizeAndMargin_AreNamed_AndThereIsNoLink()
    {
        using var _ = new CultureScope("en");
        var cut = RenderDialog();

        cut.Find("#qr-size").Change("100");
        cut.Find("#qr-margin").Change("11");

        Assert.Equal("Size (px) must be between 256 and 2048.", cut.Find("[data-field=Size]").TextContent);
        Assert.Contains("between 0 and 10", cut.Find("[data-field=Margin]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=qr-download-link]"));
    }

    [Fact]
    public void WithALogo_TheLinkIsTheUsersDraft_AtLevelH()
    {
        var cut = RenderDialog();
        cut.Find("#qr-size").Change("512");

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

        Assert.Empty(cut.FindAll("#qr-logo"));
        Assert.StartsWith("render/qr.png?", DownloadHref(cut));
    }

    [Fact]
    public void EveryFieldHasALabel()
    {
        var cut = RenderDialog();

        foreach (var input in cut.FindAll("input, select"))
        {
            Assert.NotEmpty(cut.FindAll($"label[for={input.Id}]"));
        }
    }
}
