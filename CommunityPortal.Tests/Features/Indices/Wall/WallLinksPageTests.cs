using Bunit;
using CommunityPortal.Features.Indices.Wall;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Indices.Wall;

public sealed class WallLinksPageTests : WallTest
{
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Toasts) Providers()
    {
        Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }

    private static string[] Names(IRenderedComponent<WallLinksPage> page) =>
        [.. page.FindAll("[data-testid=wall-link-name]").Select(n => n.TextContent)];

    [Fact]
    public async Task Manager_MakesALink_AndSeesItsAddressThisOnce()
    {
        using var culture = Chinese();
        SignInAsManager("李经理");
        var (dialogs, _) = Providers();
        var page = Render<WallLinksPage>();
        page.WaitForElement("[data-testid=wall-links-empty]");

        page.Find("[data-testid=wall-link-create]").Click();
        dialogs.WaitForElement("#wall-link-name").Change("会议室大屏");
        dialogs.Find("form").Submit();

        var url = dialogs.WaitForElement("#wall-link-url").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/wall/", url);
        var token = url["http://localhost/wall/".Length..];
        var stored = Assert.Single(await Links.ListAsync());
        Assert.Equal(stored.Id, await Links.FindActiveAsync(token));
        Assert.Equal(("会议室大屏", "李经理"), (stored.Name, stored.CreatedBy));
        Assert.Contains("只显示这一次", dialogs.Find("[data-testid=wall-link-once]").TextContent);
        Assert.Equal(url, dialogs.Find("[data-testid=wall-link-open]").GetAttribute("href"));

        dialogs.Find("[data-testid=wall-link-done]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#wall-link-url")));
        page.WaitForAssertion(() => Assert.Equal(["会议室大屏"], Names(page)));
        Assert.Equal("有效", page.Find("[data-testid=wall-link-status]").TextContent.Trim());
        Assert.DoesNotContain(token, page.Markup + dialogs.Markup);
    }

    [Fact]
    public async Task MakingALinkWithoutAName_ShowsWhyUnderTheField_AndMakesNothing()
    {
        using var culture = Chinese();
        SignInAsManager();
        var (dialogs, _) = Providers();
        var page = Render<WallLinksPage>();

        page.WaitForElement("[data-testid=wall-link-create]").Click();
        dialogs.WaitForElement("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("名称不能为空。", dialogs.Markup));
        Assert.Empty(dialogs.FindAll("#wall-link-url"));
        Assert.Empty(await Links.ListAsync());
    }

    [Fact]
    public async Task Revoke_AsksFirstNamingTheLink_ThenShowsItRevoked()
    {
        using var culture = Chinese();
        var link = await LinkAsync();
        SignInAsManager();
        var (dialogs, toasts) = Providers();
        var page = Render<WallLinksPage>();

        page.WaitForElement("[data-testid=wall-link-revoke]").Click();
        Assert.StartsWith("撤销“会议室大屏”？", dialogs.WaitForElement("[data-testid=confirm-question]").TextContent);
        Assert.True((await Links.ListAsync()).Single().IsActive);
        dialogs.Find("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.Equal("revoked", page.Find("[data-testid=wall-link-status]").GetAttribute("data-status")));
        Assert.StartsWith("已撤销（", page.Find("[data-testid=wall-link-status]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=wall-link-revoke]"));
        Assert.Null(await Links.FindActiveAsync(link.Token));
        toasts.WaitForAssertion(() => Assert.Contains("已撤销“会议室大屏”", toasts.Find("[data-testid=toast]").TextContent));
    }

    [Fact]
    public async Task Revoke_Cancelled_LeavesTheLinkWorking()
    {
        var link = await LinkAsync();
        SignInAsManager();
        var (dialogs, _) = Providers();
        var page = Render<WallLinksPage>();

        page.WaitForElement("[data-testid=wall-link-revoke]").Click();
        dialogs.WaitForElement("[data-testid=confirm-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]")));
        Assert.Equal(link.Link.Id, await Links.FindActiveAsync(link.Token));
        Assert.Equal("active", page.Find("[data-testid=wall-link-status]").GetAttribute("data-status"));
    }
}
