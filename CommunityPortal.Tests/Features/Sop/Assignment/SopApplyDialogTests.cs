using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Plans;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Assignment;

/// <summary>Applying a plan from its page: to groups (picked, or all of an activity's) or by a rule; listing and removing where it applies.</summary>
public sealed class SopApplyDialogTests : ComponentTest
{
    private async Task<int> TaskCountAsync(int planId) => await Database.CountAsync<SopTask>(t => t.Where(x => x.PlanId == planId));

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<SopPlanPage> Page) Open(int planId)
    {
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SopPlanPage>(p => p.Add(x => x.Id, planId));
        page.WaitForElement("[data-testid=apply-plan]").Click();
        dialogs.WaitForElement("[data-testid=apply-mode]");
        return (dialogs, page);
    }

    private static IReadOnlyList<string> Where(IRenderedComponent<SopPlanPage> page) =>
        [.. page.FindAll("[data-testid=assignment-where]").Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task AllGroupsOfAnActivity_AreApplied_TheToastSaysHowManyTasksWereMade_AndTheyAreListed()
    {
        using var culture = Chinese();
        var (activity, _) = await SopUiSeed.ActivityAsync(Services, "读书会第3期", "读书3期-福利1群", "读书3期-核心群");
        await SopUiSeed.ActivityAsync(Services, "读书会第4期", "读书4期-福利1群");
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var (dialogs, page) = Open(plan.Id);
        Assert.Equal("尚未应用到任何社群。应用后会按计划为这些社群生成任务。", page.Find("[data-testid=no-assignments]").TextContent.Trim());

        var activities = dialogs.FindComponents<MudSelect<int?>>().Single();
        await dialogs.InvokeAsync(() => activities.Instance.ValueChanged.InvokeAsync(activity.Id));
        dialogs.Find("[data-testid=add-activity-groups]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(["读书3期-核心群", "读书3期-福利1群"],
            dialogs.FindAll("[data-testid=picked-group]").Select(c => c.TextContent.Trim())));
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["读书3期-核心群", "读书3期-福利1群"], Where(page)));
        Assert.Empty(dialogs.FindAll("[data-testid=apply-mode]"));
        var made = await TaskCountAsync(plan.Id);
        Assert.True(made > 0);
        Assert.Contains($"已应用“C群日常”，生成了 {made} 个任务。", Notified);
    }

    [Fact]
    public async Task AGroupFoundBySearch_IsApplied()
    {
        using var culture = Chinese();
        var (_, groups) = await SopUiSeed.ActivityAsync(Services, "读书会第3期", "读书3期-福利1群", "读书3期-核心群");
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var (dialogs, page) = Open(plan.Id);

        var search = dialogs.FindComponent<MudAutocomplete<GroupDto>>();
        var found = await search.Instance.SearchFunc!("核心", CancellationToken.None)! ?? [];
        await dialogs.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(Assert.Single(found)));
        dialogs.WaitForAssertion(() => Assert.Equal(["读书3期-核心群"], dialogs.FindAll("[data-testid=picked-group]").Select(c => c.TextContent.Trim())));
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["读书3期-核心群"], Where(page)));
        await using var db = Database.CreateDbContext();
        Assert.Equal([groups[1]], await db.Set<SopAssignment>().Where(a => a.PlanId == plan.Id).Select(a => a.GroupId!.Value).ToListAsync());
    }

    [Fact]
    public async Task ARule_IsApplied_AndDescribedByItsCriteria()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var (dialogs, page) = Open(plan.Id);

        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        dialogs.WaitForElement("[data-testid=rule-fields]");
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<GroupTier?>>().Instance.ValueChanged.InvokeAsync(GroupTier.Core));
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<GroupLifetime?>>().Instance.ValueChanged.InvokeAsync(GroupLifetime.LongTerm));
        dialogs.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(["分层：核心群 · 群周期：长期群"], Where(page)));
        Assert.Equal("规则", page.Find("[data-testid=assignment-kind]").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        var rule = await db.Set<SopAssignment>().SingleAsync(a => a.PlanId == plan.Id);
        Assert.Equal((null, GroupTier.Core, GroupLifetime.LongTerm), (rule.GroupId, rule.Tier, rule.Lifetime));
    }

    [Fact]
    public async Task NothingChosen_IsRefusedInTheDialog_AndNothingIsApplied()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var (dialogs, page) = Open(plan.Id);

        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Equal("请选择社群，或至少设一个规则条件。", dialogs.Find("[data-testid=apply-message]").TextContent.Trim()));
        Assert.Equal(0, await Database.CountAsync<SopAssignment>());
        Assert.NotNull(page.Find("[data-testid=no-assignments]"));
    }

    [Fact]
    public async Task RemovingAnAssignment_AsksFirst_ThenTakesItsFutureTasksAway()
    {
        using var culture = Chinese();
        var (_, groups) = await SopUiSeed.ActivityAsync(Services, "读书会第3期", "读书3期-福利1群");
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        await Get<CommunityPortal.Features.Sop.Assignment.SopAssignmentService>().ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [groups[0]] }, null);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<SopPlanPage>(p => p.Add(x => x.Id, plan.Id));

        page.WaitForElement("[data-testid=remove-assignment]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定不再对“读书3期-福利1群”应用“C群日常”吗？", dialogs.Find("[data-testid=confirm-question]").TextContent));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        page.WaitForElement("[data-testid=no-assignments]");
        Assert.Equal(0, await Database.CountAsync<SopAssignment>());
        Assert.Equal(0, await TaskCountAsync(plan.Id));
        Assert.Contains("已移除：读书3期-福利1群", Notified);
    }
}
