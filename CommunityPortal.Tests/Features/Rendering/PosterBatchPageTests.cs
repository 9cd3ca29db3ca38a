using System.Security.Claims;
using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Pages;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;

namespace CommunityPortal.Tests.Features.Rendering;

public sealed class PosterBatchPageTests : LiveCodeComponentTestBase
{
    private const string UserId = "user-1";

    protected override void AddFeatureServices(IServiceCollection services)
    {
        base.AddFeatureServices(services);
        services.AddRendering(RenderingTestConfiguration.Default());
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
        Assert.Equal(["活码本身（不带渠道）", "公众号推文", "线下地推"], cut.FindAll(".batch-code label").Select(l => l.TextContent));
        var a4 = cut.Find("[data-testid=batch-pdf-a4]");
        Assert.Equal("下载 PDF（A4，3 页）", a4.TextContent);
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
        cut.WaitForElement("[data-testid=batch-downloads]");

        cut.Find("[data-testid=batch-none]").Click();

        Assert.Equal("请至少选择一个码。", cut.Find($"[data-field={PosterBatchService.CodesField}]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=batch-downloads]"));

        cut.FindAll("[data-testid=batch-code]")[2].Change(true);

        Assert.Empty(cut.FindAll($"[data-field={PosterBatchService.CodesField}]"));
        Assert.Equal("下载 PDF（A5，1 页）", cut.Find("[data-testid=batch-pdf-a5]").TextContent);
        var href = cut.Find("[data-testid=batch-pdf-a5]").GetAttribute("href")!;
        var draft = Services.GetRequiredService<PosterBatchDrafts>().Find(Guid.Parse(href.Split('/')[2]), UserId)!;
        Assert.Equal(["线下地推"], draft.Targets.Select(t => t.Label));
    }

    [Fact]
    public async Task ChangingTheDesign_AppliesToEveryCode_AndAnEmptyTitleIsNamedInEnglish()
    {
        using var culture = new Infrastructure.CultureScope("en");
        var (code, _) = await SeedCodeWithTwoChannelsAsync();
        var cut = RenderBatch(code.Id);
        cut.WaitForElement("[data-testid=batch-downloads]");

        cut.Find("#poster-title").Change("");

        Assert.Equal("Title is required.", cut.Find("[data-field=Title]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=batch-downloads]"));
        Assert.Empty(cut.FindAll("#poster-url"));

        cut.Find("#poster-title").Change("Reading camp");

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
        cut.WaitForElement("[data-testid=batch-downloads]");

        foreach (var input in cut.FindAll("input, select, textarea"))
        {
            Assert.NotEmpty(cut.FindAll($"label[for={input.Id}]"));
        }
    }

    [Fact]
    public async Task LiveCodePage_LinksToBatchPosters_AndOffersQrDownloadChoicesForEveryCode()
    {
        using var culture = Chinese();
        var (code, channelCodes) = await SeedCodeWithTwoChannelsAsync();
        var dialogs = Render<RadzenDialog>();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=channel-code-row]").Count));

        Assert.Equal($"posters/batch?livecode={code.Id}", cut.Find("[data-testid=batch-posters]").GetAttribute("href"));
        Assert.Equal("为全部渠道码生成海报", cut.Find("[data-testid=batch-posters]").TextContent);
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
