using Bunit;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Plans;

/// <summary>Archive, restore and delete on a plan's page, each after a confirmation where it takes something away.</summary>
public sealed class SopPlanActionsTests : ComponentTest
{
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SopPlanPage> Page) Open(int planId)
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SopPlanPage>(p => p.Add(x => x.Id, planId));
        page.WaitForElement("[data-testid=plan-form]");
        return (dialogs, page);
    }

    [Fact]
    public async Task Archive_AsksWithThePlansName_ThenArchives_AndRestoreBringsItBack()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var (dialogs, page) = Open(plan.Id);

        page.Find("[data-testid=archive-plan]").Click();
        dialogs.WaitForAssertion(() => Assert.StartsWith("确定要归档“C群日常”吗？", dialogs.Find("[data-testid=confirm-question]").TextContent));
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-question]")));
        Assert.Equal(SopPlanStatus.Active, (await Get<SopPlanService>().GetAsync(plan.Id)).Status);

        page.Find("[data-testid=archive-plan]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForElement("[data-testid=archived-note]");
        Assert.Equal(SopPlanStatus.Archived, (await Get<SopPlanService>().GetAsync(plan.Id)).Status);
        Assert.Equal("已归档", page.Find("[data-testid=plan-archived]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=apply-plan]"));
        Assert.Contains("已归档“C群日常”。", Notified);

        page.Find("[data-testid=restore-plan]").Click();
        page.WaitForElement("[data-testid=apply-plan]");
        Assert.Equal(SopPlanStatus.Active, (await Get<SopPlanService>().GetAsync(plan.Id)).Status);
    }

    [Fact]
    public async Task Delete_OfAPlanNobodyWorkedOn_RemovesIt_AndGoesBackToTheList()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "试用计划");
        var (dialogs, page) = Open(plan.Id);

        page.Find("[data-testid=delete-plan]").Click();
        dialogs.WaitForAssertion(() => Assert.StartsWith("确定要删除“试用计划”吗？", dialogs.Find("[data-testid=confirm-question]").TextContent));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/sop/plans", Nav.Uri));
        await Assert.ThrowsAsync<NotFoundException>(() => Get<SopPlanService>().GetAsync(plan.Id));
        Assert.Contains("已删除“试用计划”。", Notified);
    }

    [Fact]
    public async Task Delete_OfAPlanWithADoneTask_ArchivesItInstead_AndSaysSo()
    {
        using var culture = Chinese();
        var (_, groups) = await SopUiSeed.ActivityAsync(Services, "读书会第3期", "读书3期-福利1群");
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        await Get<SopAssignmentService>().ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [groups[0]] }, null);
        var task = (await Get<SopTaskReader>().ListAsync(new SopTaskQuery(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(15)) { PlanId = plan.Id }))[0];
        await Get<SopTaskService>().CompleteAsync(task.Id, new SopActor("user-li", "李经理", CanManage: true));
        var (dialogs, page) = Open(plan.Id);

        page.Find("[data-testid=delete-plan]").Click();
        dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForElement("[data-testid=archived-note]");
        Assert.Equal(SopPlanStatus.Archived, (await Get<SopPlanService>().GetAsync(plan.Id)).Status);
        Assert.Contains("“C群日常”已有完成或跳过的任务，为保留记录已改为归档，没有删除。", Notified);
    }
}
