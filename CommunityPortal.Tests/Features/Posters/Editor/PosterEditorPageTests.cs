using CommunityPortal.Features.Posters;
using System.Security.Claims;
using Bunit;
using CommunityPortal.Components;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Posters.Editor;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Posters.Editor;

public sealed class PosterEditorPageTests : BunitContext, IAsyncLifetime
{
    private const string UserId = "user-1";
    private string? publicBase;

    public PosterEditorPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalLocalization();
        Services.AddRendering(RenderingTestConfiguration.Default());
        Services.AddPosters();
        Services.AddPortalUi();
        // Read when a page first needs it: a test may set publicBase before rendering.
        Services.AddSingleton(_ => RenderingTestConfiguration.PublicAddress(publicBase));
        var auth = AddAuthorization();
        auth.SetAuthorized("operator@example.com");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        auth.SetPolicies(Policies.Read, Policies.Edit);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    private IRenderedComponent<PosterEditorPage> RenderEditor(string? url = null)
    {
        Render<MudPopoverProvider>();
        if (url is not null)
        {
            var navigation = Services.GetRequiredService<NavigationManager>();
            navigation.NavigateTo(navigation.GetUriWithQueryParameter("url", url));
        }
        return Render<PosterEditorPage>();
    }

    private PosterSpec DraftOf(IRenderedComponent<PosterEditorPage> page)
    {
        var preview = page.Find("[data-testid=poster-preview]").GetAttribute("src")!;
        return Services.GetRequiredService<PosterDrafts>().Find(Guid.Parse(preview.Split('/')[2]), UserId)!.Value.Spec;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public void WithoutUrl_ShowsNoErrorBeforeAnythingIsTouched_OffersNoDownload_AndAPressedDownloadNamesTheUrl()
    {
        using var _ = new CultureScope("zh-CN");
        var page = RenderEditor();

        Assert.Empty(page.FindAll("#poster-url-error"));
        Assert.Equal("false", page.Find("#poster-url").GetAttribute("aria-invalid"));
        Assert.Contains("填好表单后", page.Find("[data-testid=poster-invalid]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=poster-downloads] a[download]"));

        page.Find("[data-testid=poster-downloads] button").Click();

        page.WaitForAssertion(() => Assert.Contains("请填写目标链接", page.Find("#poster-url-error").TextContent));
        Assert.Equal("true", page.Find("#poster-url").GetAttribute("aria-invalid"));
        Assert.Contains("请先修正标为红色的字段", page.Find("[data-testid=poster-invalid]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=poster-downloads] a[download]"));
    }

    [Fact]
    public void LeavingTheEmptyUrl_NamesIt()
    {
        using var _ = new CultureScope("en");
        var page = RenderEditor();

        page.Find("#poster-url").Blur();

        page.WaitForAssertion(() => Assert.Equal("Target URL is required.", page.Find("#poster-url-error").TextContent));
    }

    [Fact]
    public void EnteringAUrl_ShowsPreviewAndDownloadLinksOfTheStoredDraft()
    {
        using var _ = new CultureScope("zh-CN");
        var page = RenderEditor();

        page.Find("#poster-url").Change(RenderingServices.LiveCodeUrl);
        page.Find("#poster-title").Change("21天阅读训练营");
        page.WaitForAssertion(() => Assert.Equal("21天阅读训练营", DraftOf(page).Title));

        var preview = page.Find("[data-testid=poster-preview]").GetAttribute("src")!;
        var draftId = Guid.Parse(preview.Split('/')[2]);
        var draft = Services.GetRequiredService<PosterDrafts>().Find(draftId, UserId);
        Assert.Equal(("21天阅读训练营", RenderingServices.LiveCodeUrl), (draft!.Value.Spec.Title, draft.Value.Spec.Url));
        var links = page.FindAll("[data-testid=poster-downloads] a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links, l => l!.StartsWith($"render/drafts/{draftId}/poster.pdf") && l.EndsWith("paper=A5"));
        Assert.Contains(links, l => l!.StartsWith($"render/drafts/{draftId}/qr.png"));
        // The poster PNG is rendered by the server from the same draft, a plain download like the PDF.
        Assert.StartsWith($"render/drafts/{draftId}/poster.png", page.Find("[data-testid=poster-png]").GetAttribute("href"));
        Assert.Null(Services.GetRequiredService<PosterDrafts>().Find(draftId, "someone-else"));
    }

    /// <summary>A newcomer saw "微信扫一扫,加入共读群" on every poster whatever its topic: there is no default subtitle.</summary>
    [Fact]
    public void ThePosterHasNoDefaultSubtitle()
    {
        using var _ = new CultureScope("zh-CN");
        var page = RenderEditor(RenderingServices.LiveCodeUrl);

        Assert.True(string.IsNullOrEmpty(DraftOf(page).Subtitle));
        Assert.Equal("扫码进群", DraftOf(page).Title);
        Assert.Equal("", page.Find("#poster-subtitle").GetAttribute("value") ?? "");
    }

    [Fact]
    public void ClearingTheTitle_ShowsItsErrorInEnglishAndHidesThePreview()
    {
        using var _ = new CultureScope("en");
        var page = RenderEditor(RenderingServices.LiveCodeUrl);
        Assert.NotNull(page.Find("[data-testid=poster-preview]"));

        page.Find("#poster-title").Change("");
        page.Find("#poster-qr-pixels").Change("100");

        page.WaitForAssertion(() => Assert.Equal("Title is required.", page.Find("#poster-title-error").TextContent));
        page.WaitForAssertion(() => Assert.Equal("Size (px) must be between 256 and 2048.", page.Find("#poster-qr-pixels-error").TextContent));
        Assert.Empty(page.FindAll("[data-testid=poster-preview]"));
    }

    /// <summary>Portal:PublicBaseUrl set: a link to this portal made from the browser's address prints as the public one.</summary>
    [Fact]
    public void WithAPublicAddress_ALinkFromTheBrowsersAddress_IsPrintedWithThePublicOne()
    {
        publicBase = RenderingTestConfiguration.PublicBase;
        using var _ = new CultureScope("zh-CN");

        var page = RenderEditor("http://localhost/q/reading?c=kol01");

        Assert.Equal("https://qun.example.com/q/reading?c=kol01", DraftOf(page).Url);
        Assert.Equal("https://qun.example.com/q/reading?c=kol01", page.Find("#poster-url").GetAttribute("value"));
        Assert.Contains("https://qun.example.com/", page.Find("[data-testid=public-address]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=public-address-warning]"));
    }

    [Fact]
    public void WithoutAPublicAddress_ThePageWarnsThatCodesCarryTheBrowsersAddress()
    {
        using var _ = new CultureScope("zh-CN");

        var page = RenderEditor("http://localhost/q/reading");

        Assert.Contains("http://localhost/", page.Find("[data-testid=public-address-warning]").TextContent);
        Assert.Equal("http://localhost/q/reading", DraftOf(page).Url);
    }

    [Fact]
    public void EveryFieldHasALabel() => RenderedFields.AssertEveryFieldIsNamed(RenderEditor());
}
