using Bunit;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Templates;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Plans;

/// <summary>/sop/plans: the team's plans and the preloaded templates, each in its tab.</summary>
public sealed class SopPlansPageTests : ComponentTest
{
    private IRenderedComponent<SopPlansPage> RenderAt(string address)
    {
        Nav.NavigateTo(address);
        return Render<SopPlansPage>();
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<SopPlansPage> cut) =>
        [.. cut.FindAll("[data-testid=plan-name]").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task NoPlansYet_ShowsTheEmptyState_AndTheTemplatesTabListsThePreloadedOnesInChinese()
    {
        using var culture = Chinese();
        await Get<SopTemplateSeeder>().SeedAsync();

        var cut = RenderAt("sop/plans");

        cut.WaitForAssertion(() => Assert.Contains("还没有 SOP 计划", cut.Find("[data-testid=plans-empty]").TextContent));
        Assert.Equal(["计划", "模板"], cut.FindAll("[role=tab]").Select(t => t.TextContent.Trim()));

        cut.FindAll("[role=tab]")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains("开群仪式", Names(cut)));
        Assert.EndsWith("sop/plans?tab=templates", Nav.Uri);
        Assert.Equal(4, Names(cut).Count);
        Assert.DoesNotContain("Opening ceremony", cut.Markup);
        var opening = cut.FindAll("tr").Single(r => r.TextContent.Contains("开群仪式"));
        Assert.Contains("按开群天数", opening.QuerySelector("[data-testid=plan-kind]")!.TextContent);
        Assert.Contains("8", opening.TextContent);
    }

    [Fact]
    public async Task PlansTab_ListsActivePlans_AndTheSwitchAddsTheArchivedOnes()
    {
        using var culture = Chinese();
        await SopUiSeed.PlanAsync(Services, "C群日常");
        var archived = await SopUiSeed.PlanAsync(Services, "旧的周计划");
        await Get<SopPlanService>().ArchiveAsync(archived.Id);

        var cut = RenderAt("sop/plans");

        cut.WaitForAssertion(() => Assert.Equal(["C群日常"], Names(cut)));
        var row = cut.FindAll("tr").Single(r => r.TextContent.Contains("C群日常"));
        Assert.Equal("未应用", row.QuerySelector("[data-testid=plan-applied]")!.TextContent.Trim());
        Assert.Equal("每日", row.QuerySelector("[data-testid=plan-kind]")!.TextContent.Trim());

        await cut.InvokeAsync(() => cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));

        cut.WaitForAssertion(() => Assert.Equal(["C群日常", "旧的周计划"], Names(cut)));
        Assert.EndsWith("sop/plans?archived=true", Nav.Uri);
        Assert.Single(cut.FindAll("[data-testid=plan-archived]"));
    }

    [Fact]
    public async Task UseTemplate_CopiesItIntoANewPlan_AndOpensIt()
    {
        using var culture = Chinese();
        await Get<SopTemplateSeeder>().SeedAsync();
        var cut = RenderAt("sop/plans?tab=templates");
        cut.WaitForAssertion(() => Assert.Contains("开群仪式", Names(cut)));

        cut.FindAll("tr").Single(r => r.TextContent.Contains("开群仪式")).QuerySelector("[data-testid=use-template]")!.Click();

        cut.WaitForAssertion(() => Assert.Matches(@"/sop/plans/\d+$", Nav.Uri));
        var plan = await Get<SopPlanService>().GetAsync(int.Parse(Nav.Uri.Split('/')[^1]));
        Assert.False(plan.IsTemplate);
        Assert.Equal("开群仪式", plan.Name);
        Assert.Equal(SopPlanKind.Relative, plan.Kind);
        Assert.Equal(8, plan.Steps.Count);
        Assert.Contains("已用模板“开群仪式”创建计划。", Notified);
    }

    [Fact]
    public async Task Viewer_ReadsBothTabs_ButGetsNoButtonToCreateOrUse()
    {
        using var culture = Chinese();
        await Get<SopTemplateSeeder>().SeedAsync();
        await SopUiSeed.PlanAsync(Services, "C群日常");
        SignInAsViewer();

        var cut = RenderAt("sop/plans?tab=templates");

        cut.WaitForAssertion(() => Assert.Contains("开群仪式", Names(cut)));
        Assert.Empty(cut.FindAll("[data-testid=new-plan], [data-testid=use-template]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=open-plan]"));
    }
}
