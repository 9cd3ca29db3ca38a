using CommunityPortal.Features.Posters;
using System.Security.Claims;
using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Posters.Batch;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Posters.Batch;

public sealed class PosterBatchPageTests : LiveCodeComponentTestBase
{
    private const string UserId = "user-1";
    private string? publicBase;

    protected override void AddFeatureServices(IServiceCollection services)
    {
        base.AddFeatureServices(services);
        // Read when the page first needs it: a test may set publicBase before rendering.
        services.AddSingleton(_ => RenderingTestConfiguration.PublicAddress(publicBase));
    }

    /// <summary>"读书会海报" (slug reading) with the channel codes 公众号推文 and 线下地推.</summary>
    private async Task<(LiveCodeDto Code, IReadOnlyList<ChannelCodeDto> ChannelCodes)> SeedCodeWithTwoChannelsAsync()
    {
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        var code = await SeedLiveCodeAsync();
        var channels = Get<ChannelService>();
        foreach (var name in new[] { "线下地推", "公众号推文" })
        {
            var channel = await channels.CreateAsync(new ChannelInput { Name = name });
            await channels.CreateCodeAsync(code.Id, channel.Id);
        }
        return (code, await channels.ListCodesAsync(code.Id));
    }

    private IRenderedComponent<PosterBatchPage> RenderBatch(int liveCodeId)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("livecode", liveCodeId));
        Render<MudPopoverProvider>();
        return Render<PosterBatchPage>();
    }

    [Fact]
    public async Task LiveCodeWithTwoChannelCodes_ListsThreeCodesAllChosen_AndTheA4LinkPrintsAllThree()
    {
        using var culture = Chinese();
        var (code, channelCodes) = await SeedCodeWithTwoChannelsAsync();

        var cut = RenderBatch(code.Id);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=batch-code]").Count));
        Assert.All(cut.FindAll("[data-testid=batch-code]"), box => Assert.True(box.HasAttribute("checked")));
        Assert.Equal(["活码本身（不带渠道）", "公众号推文", "线下地推"], cut.FindAll(".batch-code label").Select(l => l.TextContent.Trim()));
        var a4 = cut.Find("[data-testid=batch-pdf-a4]");
        Assert.Equal("下载 PDF（A4，3 页）", a4.TextContent.Trim());
        Assert.True(a4.HasAttribute("download"));
        var href = a4.GetAttribute("href")!;
        Assert.EndsWith("paper=A4", href);
        var draft = Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!;
        Assert.Equal(["http://localhost/q/reading", .. channelCodes.Select(c => $"http://localhost/q/reading?c={c.Key}")],
            draft.Targets.Select(t => t.Url));
        Assert.Equal(["读书会海报 · 通用码（无渠道）", "读书会海报 · 渠道：公众号推文", "读书会海报 · 渠道：线下地推"], draft.Targets.Select(t => t.Caption));
        Assert.Null(Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), "someone-else"));
    }

    [Fact]
    public async Task ChoosingNoCode_SaysToChooseOne_AndHidesTheDownloads_UntilOneIsChosenAgain()
    {
        using var culture = Chinese();
        var (code, _) = await SeedCodeWithTwoChannelsAsync();
        var cut = RenderBatch(code.Id);
        cut.WaitForElement("[data-testid=batch-downloads] a[download]");

        cut.Find("[data-testid=batch-none]").Click();

        cut.WaitForAssertion(() => Assert.Equal("请至少选择一个码。", cut.Find($"[data-field={PosterBatchService.CodesField}]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=batch-downloads] a[download]"));

        cut.FindAll("[data-testid=batch-code]")[2].Change(true);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-field={PosterBatchService.CodesField}]")));
        cut.WaitForAssertion(() => Assert.Equal("下载 PDF（A5，1 页）", cut.Find("[data-testid=batch-pdf-a5]").TextContent.Trim()));
        var href = cut.Find("[data-testid=batch-pdf-a5]").GetAttribute("href")!;
        var draft = Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!;
        Assert.Equal(["线下地推"], draft.Targets.Select(t => t.Label));
    }

    [Fact]
    public async Task ChangingTheDesign_AppliesToEveryCode_AndAnEmptyTitleIsNamedInEnglish()
    {
        using var culture = new CultureScope("en");
        var (code, _) = await SeedCodeWithTwoChannelsAsync();
        var cut = RenderBatch(code.Id);
        cut.WaitForElement("[data-testid=batch-downloads] a[download]");

        cut.Find("#poster-title").Change("");

        cut.WaitForAssertion(() => Assert.Equal("Title is required.", cut.Find("#poster-title-error").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=batch-downloads] a[download]"));
        Assert.Empty(cut.FindAll("#poster-url"));

        cut.Find("#poster-title").Change("Reading camp");
        cut.WaitForElement("[data-testid=batch-pdf-a4][download]");

        var href = cut.Find("[data-testid=batch-pdf-a4]").GetAttribute("href")!;
        var draft = Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!;
        Assert.Equal(("Reading camp", 3), (draft.Design.Title, draft.Targets.Count));
    }

    [Fact]
    public void UnknownLiveCode_SaysSo()
    {
        using var culture = Chinese();

        var cut = RenderBatch(9999);

        cut.WaitForElement("[data-testid=batch-missing]");
        Assert.Empty(cut.FindAll("[data-testid=batch-code]"));
    }

    [Fact]
    public async Task EveryFieldHasALabel()
    {
        var (code, _) = await SeedCodeWithTwoChannelsAsync();
        var cut = RenderBatch(code.Id);
        cut.WaitForElement("[data-testid=batch-downloads] a[download]");

        RenderedFields.AssertEveryFieldIsNamed(cut);
    }

    /// <summary>
    /// Portal:PublicBaseUrl set: every page of the batch encodes the public address, not the one this browser used
    /// (http://localhost/ in bUnit), read back from the printed PDF as a phone would.
    /// </summary>
    [Fact]
    public async Task WithAPublicAddress_EveryPrintedCodeCarriesIt()
    {
        publicBase = RenderingTestConfiguration.PublicBase;
        using var culture = Chinese();
        var (code, channelCodes) = await SeedCodeWithTwoChannelsAsync();

        var cut = RenderBatch(code.Id);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=batch-code]").Count));
        var href = cut.Find("[data-testid=batch-pdf-a4]").GetAttribute("href")!;
        var draft = Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!;
        string[] expected = ["https://qun.example.com/q/reading", .. channelCodes.Select(c => $"https://qun.example.com/q/reading?c={c.Key}")];
        Assert.Equal(expected, draft.Targets.Select(t => t.Url));
        Assert.Equal(expected, cut.FindAll(".batch-url").Select(u => u.TextContent));
        var pdf = Services.GetRequiredService<PosterBatchService>().Pdf(draft.Design, draft.Targets);
        Assert.Equal(expected[0], QrScanTests.ScanPdfPage(pdf, 1));
        Assert.Equal(expected[2], QrScanTests.ScanPdfPage(pdf, 3));
        Assert.Contains("https://qun.example.com/", cut.Find("[data-testid=public-address]").TextContent);
    }

    [Fact]
    public async Task WithoutAPublicAddress_ThePageWarnsThatCodesCarryTheBrowsersAddress()
    {
        using var culture = Chinese();
        var (code, _) = await SeedCodeWithTwoChannelsAsync();

        var cut = RenderBatch(code.Id);

        cut.WaitForAssertion(() => Assert.Contains("http://localhost/", cut.Find("[data-testid=public-address-warning]").TextContent));
    }

    [Fact]
    public async Task LiveCodePage_LinksToBatchPosters_AndOffersQrDownloadChoicesForEveryCode()
    {
        using var culture = Chinese();
        var (code, channelCodes) = await SeedCodeWithTwoChannelsAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=channel-code-row]").Count));

        Assert.Equal($"posters/batch?livecode={code.Id}", cut.Find("[data-testid=batch-posters]").GetAttribute("href"));
        Assert.Equal("为全部渠道码生成海报", cut.Find("[data-testid=batch-posters]").TextContent.Trim());
        Assert.Equal(3, cut.FindAll("[data-testid=qr-download]").Count);

        cut.FindAll("[data-testid=channel-code-row] [data-testid=qr-download]")[1].Click();

        dialogs.WaitForAssertion(() => Assert.Contains("下载二维码 · 线下地推", dialogs.Markup));
        Assert.Equal($"http://localhost/q/reading?c={channelCodes[1].Key}", dialogs.Find("[data-testid=qr-dialog-url]").TextContent);
    }

    [Fact]
    public async Task Viewer_SeesNoBatchPosterLink()
    {
        var (code, _) = await SeedCodeWithTwoChannelsAsync();
        SignInAsViewer();

        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=channel-code-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=batch-posters]"));
    }
}
