using System.Security.Claims;
using Bunit;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CommunityPortal.Tests.Features.Rendering;

public sealed class PosterEditorPageTests : BunitContext
{
    private const string UserId = "user-1";

    public PosterEditorPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPortalLocalization();
        Services.AddRendering(RenderingTestConfiguration.Default());
        Services.AddRadzenComponents();
        var auth = AddAuthorization();
        auth.SetAuthorized("operator@example.com");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        auth.SetPolicies(Policies.Read, Policies.Edit);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    [Fact]
    public void WithoutUrl_ShowsTheUrlErrorAndNoDownloads()
    {
        using var _ = new CultureScope("zh-CN");
        var page = Render<PosterEditorPage>();

        Assert.Contains("请填写目标链接", page.Find("[data-field=Url]").TextContent);
        Assert.NotNull(page.Find("[data-testid=poster-invalid]"));
        Assert.Empty(page.FindAll("[data-testid=poster-downloads]"));
    }

    [Fact]
    public void EnteringAUrl_ShowsPreviewAndDownloadLinksOfTheStoredDraft()
    {
        using var _ = new CultureScope("zh-CN");
        var page = Render<PosterEditorPage>();

        page.Find("#poster-url").Change(RenderingServices.LiveCodeUrl);
        page.Find("#poster-title").Change("21天阅读训练营");

        var preview = page.Find("[data-testid=poster-preview]").GetAttribute("src")!;
        var draftId = Guid.Parse(preview.Split('/')[2]);
        var draft = Services.GetRequiredService<PosterDrafts>().Find(draftId, UserId);
        Assert.Equal(("21天阅读训练营", RenderingServices.LiveCodeUrl), (draft!.Value.Spec.Title, draft.Value.Spec.Url));
        var links = page.FindAll("[data-testid=poster-downloads] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(links, l => l!.StartsWith($"render/drafts/{draftId}/poster.pdf") && l.EndsWith("paper=A5"));
        Assert.Contains(links, l => l!.StartsWith($"render/drafts/{draftId}/qr.png"));
        // The poster PNG is rendered by the server from the same draft, a plain download like the PDF.
        Assert.StartsWith($"render/drafts/{draftId}/poster.png", page.Find("[data-testid=poster-png]").GetAttribute("href"));
        Assert.Null(Services.GetRequiredService<PosterDrafts>().Find(draftId, "someone-else"));
    }

    [Fact]
    public void ClearingTheTitle_ShowsItsErrorInEnglishAndHidesThePreview()
    {
        using var _ = new CultureScope("en");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("url", RenderingServices.LiveCodeUrl));
        var page = Render<PosterEditorPage>();
        Assert.NotNull(page.Find("[data-testid=poster-preview]"));

        page.Find("#poster-title").Change("");
        page.Find("#poster-qr-pixels").Change("100");

        Assert.Equal("Title is required.", page.Find("[data-field=Title]").TextContent);
        Assert.Equal("Size (px) must be between 256 and 2048.", page.Find("[data-field=Size]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=poster-preview]"));
    }

    [Fact]
    public void EveryFieldHasALabel()
    {
        var page = Render<PosterEditorPage>();

        foreach (var input in page.FindAll("input, select, textarea"))
        {
            Assert.NotEmpty(page.FindAll($"label[for={input.Id}]"));
        }
    }
}
