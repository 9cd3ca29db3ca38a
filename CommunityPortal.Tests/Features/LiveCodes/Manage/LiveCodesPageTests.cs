using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;

namespace CommunityPortal.Tests.Features.LiveCodes.Manage;

public sealed class LiveCodesPageTests : LiveCodeComponentTestBase
{
    [Fact]
    public void List_WithoutCodes_ShowsTheEmptyState()
    {
        using var culture = Chinese();

        var cut = Render<LiveCodesPage>();

        cut.WaitForAssertion(() => Assert.Contains("还没有活码", cut.Find("[data-testid=livecodes-empty]").TextContent));
    }

    [Fact]
    public async Task List_ShowsACodeWithItsSlugModePoolSizeAndState()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("1期-1群");
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetPoolAsync(code.Id, [new PoolEntryInput(group.Id)], code.Version);

        var cut = Render<LiveCodesPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=livecode-link]")));
        Assert.Equal("读书会海报", cut.Find("[data-testid=livecode-link]").TextContent);
        Assert.Equal($"livecodes/{code.Id}", cut.Find("[data-testid=livecode-link]").GetAttribute("href"));
        Assert.Equal("1", cut.Find("[data-testid=pool-size]").TextContent);
        Assert.Contains("reading", cut.Markup);
        Assert.Contains("按顺序填满", cut.Markup);
        Assert.Contains("生效中", cut.Find("[data-testid=state]").TextContent);
    }
}
