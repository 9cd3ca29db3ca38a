using Bunit;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Tests.Features.Members;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Plans;

/// <summary>The plan editor on /sop/plans/new and /sop/plans/{id}: steps as cards, each save a new version, refusals under their fields.</summary>
public sealed class SopPlanEditorTests : ComponentTest
{
    private IRenderedComponent<SopPlanPage> RenderPlan(int id)
    {
        var cut = Render<SopPlanPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=plan-form]");
        return cut;
    }

    private SopPlanService Plans => Get<SopPlanService>();

    [Fact]
    public async Task NewPlan_WithOneStep_IsCreatedAsVersionOne_AndOpens()
    {
        using var culture = Chinese();
        var cut = Render<SopPlanNewPage>();
        cut.WaitForElement("[data-testid=plan-form]");
        Assert.Equal("09:00", cut.Find("#step-0-time").GetAttribute("value"));

        cut.Find("#plan-name").Change("C群早安");
        cut.Find("#step-0-time").Change("08:30");
        cut.Find("#step-0-title").Change("早安问候");
        cut.Find("#step-0-content").Change("早上好，");
        cut.Find("[data-testid=insert-group]").Click();
        Assert.Equal("早上好，{group}", cut.Find("#step-0-content").GetAttribute("value"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Matches(@"/sop/plans/\d+$", Nav.Uri));
        var plan = await Plans.GetAsync(int.Parse(Nav.Uri.Split('/')[^1]));
        Assert.Equal(("C群早安", SopPlanKind.Daily, 1), (plan.Name, plan.Kind, plan.CurrentVersion));
        var step = Assert.Single(plan.Steps);
        Assert.Equal(("08:30", "早安问候", "早上好，{group}", SopAssigneeMode.GroupOwner), (step.Time, step.Title, step.Content, step.AssigneeMode));
        Assert.Contains("已创建计划“C群早安”。", Notified);
    }

    [Fact]
    public async Task EditingSteps_AddMoveRemoveAndSave_MakesVersionTwo_InTheNewOrder()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常", SopUiSeed.Step("08:30", "早安"), SopUiSeed.Step("12:00", "推品"), SopUiSeed.Step("21:00", "晚安"));
        var cut = RenderPlan(plan.Id);
        Assert.Equal("版本 1", cut.Find("[data-testid=plan-version]").TextContent.Trim());

        cut.Find("[data-testid=add-step]").Click();
        cut.Find("#step-3-time").Change("15:00");
        cut.Find("#step-3-title").Change("话题互动");
        cut.Find("#step-3-content").Change("今天聊聊{activity}");
        cut.FindAll("[data-testid=step-up]")[3].Click();
        cut.FindAll("[data-testid=step-remove]")[1].Click();
        Assert.Equal(["早安", "话题互动", "晚安"], cut.FindAll("[data-testid=step] input[id$=-title]").Select(i => i.GetAttribute("value")));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("版本 2", cut.Find("[data-testid=plan-version]").TextContent.Trim()));
        var saved = await Plans.GetAsync(plan.Id);
        Assert.Equal(2, saved.CurrentVersion);
        Assert.Equal([("08:30", "早安"), ("15:00", "话题互动"), ("21:00", "晚安")], saved.Steps.Select(s => (s.Time, s.Title)));
        // Kept steps keep their keys (their tasks follow the edit); the new one has its own.
        Assert.Equal(plan.Steps[0].Key, saved.Steps[0].Key);
        Assert.Equal(plan.Steps[2].Key, saved.Steps[2].Key);
        Assert.Contains("已保存“C群日常”，版本 2。", Notified);
        Assert.Contains("当前为版本 2，保存后成为版本 3", cut.Find("[data-testid=save-hint]").TextContent);
    }

    [Fact]
    public async Task RefusedTime_ShowsUnderThatStepsTimeField_AndNothingIsSaved()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var cut = RenderPlan(plan.Id);

        cut.Find("#step-1-time").Change("25:00");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("第 2 步的时间须是 00:00 到 23:59 之间的时间。", cut.FieldMessage("step-1-time")));
        Assert.Equal(["step-1-time"], cut.InvalidInputs().Select(i => i.Id));
        Assert.Equal("24 小时制，如 09:30", cut.FieldMessage("step-0-time"));
        Assert.Equal(1, (await Plans.GetAsync(plan.Id)).CurrentVersion);

        // Fixed, the message goes with the change and the save goes through.
        cut.Find("#step-1-time").Change("21:30");
        cut.WaitForAssertion(() => Assert.Empty(cut.InvalidInputs()));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("版本 2", cut.Find("[data-testid=plan-version]").TextContent.Trim()));
    }

    [Fact]
    public async Task WeeklyStepWithoutADay_IsRefusedUnderItsDays_AndAChosenDayIsSaved()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "每周活动", SopUiSeed.Step("20:00", "周六开奖"));
        var cut = RenderPlan(plan.Id);

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<SopPlanKind>>().Instance.ValueChanged.InvokeAsync(SopPlanKind.Weekly));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("每周计划的第 1 步的星期至少选一天。", cut.Find("[data-testid=weekdays]").TextContent));
        Assert.Equal(1, (await Plans.GetAsync(plan.Id)).CurrentVersion);

        cut.Find("[data-testid=weekday-Saturday]").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("至少选一天", cut.Find("[data-testid=weekdays]").TextContent));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("版本 2", cut.Find("[data-testid=plan-version]").TextContent.Trim()));
        var saved = await Plans.GetAsync(plan.Id);
        Assert.Equal((SopPlanKind.Weekly, DayOfWeek.Saturday), (saved.Kind, Assert.Single(saved.Steps[0].Weekdays)));
    }

    [Fact]
    public async Task SomeoneElsesSave_MeanwhileIsNotOverwritten_TheConflictIsExplained_AndReloadShowsTheirs()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        var cut = RenderPlan(plan.Id);
        var theirs = SopPlanForm.From(plan);
        theirs.Steps[0].Title = "早安（同事改）";
        await Plans.UpdateAsync(plan.Id, theirs, plan.Version, null);

        cut.Find("#step-0-title").Change("早安（我改）");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("该计划已被他人修改，请刷新后再试。", cut.Find("[data-testid=conflict]").TextContent));
        Assert.Equal("早安（同事改）", (await Plans.GetAsync(plan.Id)).Steps[0].Title);
        cut.Find("[data-testid=reload]").Click();
        cut.WaitForAssertion(() => Assert.Equal("早安（同事改）", cut.Find("#step-0-title").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=conflict]"));
        Assert.Equal("版本 2", cut.Find("[data-testid=plan-version]").TextContent.Trim());
    }

    [Fact]
    public async Task Viewer_ReadsThePlan_WithoutAnythingToChangeIt()
    {
        using var culture = Chinese();
        var plan = await SopUiSeed.PlanAsync(Services, "C群日常");
        SignInAsViewer();

        var cut = RenderPlan(plan.Id);

        Assert.True(cut.Find("#step-0-title").HasAttribute("readonly"));
        Assert.Empty(cut.FindAll("[data-testid=save], [data-testid=add-step], [data-testid=step-remove], [data-testid=apply-plan], [data-testid=archive-plan], [data-testid=delete-plan]"));
    }
}
