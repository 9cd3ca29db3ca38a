using System.Globalization;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Templates;

namespace CommunityPortal.Tests.Features.Sop.Plans;

public sealed class SopPlanValidationTests : SopTest
{
    private async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(SopPlanKind kind, SopStepInput step, string culture = "zh-CN")
    {
        using var _ = new CultureScope(culture);
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => PlanAsync(kind, step));
        return ex.Errors;
    }

    [Theory]
    [InlineData("24:30")]
    [InlineData("7 点")]
    [InlineData("-1:00")]
    public async Task A_time_outside_the_day_is_refused_naming_the_step_and_field(string time)
    {
        var errors = await RefusedAsync(SopPlanKind.Daily, Step(time, "早安"));
        Assert.Equal("第 1 步的时间须是 00:00 到 23:59 之间的时间。", Assert.Single(errors["Steps[0].Time"]));
    }

    [Fact]
    public async Task A_weekly_step_needs_a_weekday_and_a_relative_one_an_offset_from_0_to_365()
    {
        Assert.Contains("星期", (await RefusedAsync(SopPlanKind.Weekly, Step("09:00", "活动")))["Steps[0].Weekdays"][0]);
        Assert.Equal("Step 1: Day must be between 0 and 365.",
            (await RefusedAsync(SopPlanKind.Relative, Step("09:00", "欢迎", offset: 366), "en"))["Steps[0].DayOffset"][0]);
        Assert.True((await RefusedAsync(SopPlanKind.Relative, Step("09:00", "欢迎", offset: -1))).ContainsKey("Steps[0].DayOffset"));
    }

    [Fact]
    public async Task Unknown_placeholders_and_empty_content_are_refused()
    {
        var unknown = (await RefusedAsync(SopPlanKind.Daily, Step("09:00", "推品", "快来{Group}看看{price}"), "en"))["Steps[0].Content"];
        Assert.Equal(2, unknown.Length);
        Assert.Contains("{price}", unknown[1]);
        Assert.Contains("{group}", unknown[1]);
        Assert.True((await RefusedAsync(SopPlanKind.Daily, Step("09:00", "推品", "  "))).ContainsKey("Steps[0].Content"));
    }

    [Fact]
    public async Task Applying_to_an_archived_group_is_refused_by_name_and_nothing_is_written()
    {
        var group = await GroupAsync("旧群", status: CommunityPortal.Features.Matrix.GroupStatus.Archived);
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null));
        Assert.Equal("社群：社群“旧群”已归档，不能应用计划。", Assert.Single(ex.Errors["GroupIds"]));
        Assert.Equal(0, await Database.CountAsync<SopAssignment>());
    }

    [Fact]
    public async Task Templates_are_preloaded_once_per_language_and_a_template_cannot_be_applied_before_it_is_copied()
    {
        var seeder = Get<SopTemplateSeeder>();
        Assert.Equal(2 * SopTemplates.All.Count, await seeder.SeedAsync());
        Assert.Equal(0, await seeder.SeedAsync());
        using var _ = new CultureScope("zh-CN");
        var templates = await Plans.ListAsync(templates: true);
        Assert.Contains(templates, t => t.Name == "开群仪式" && t.Kind == SopPlanKind.Relative && t.StepCount == 8);
        var opening = templates.Single(t => t.Name == "开群仪式");
        var group = await GroupAsync("新群");
        await Assert.ThrowsAsync<ConflictException>(() => Assignments.ApplyAsync(opening.Id, new SopApplyInput { GroupIds = [group.Id] }, null));

        var plan = await Plans.CopyAsync(opening.Id, null, null);
        Assert.False(plan.IsTemplate);
        Assert.Equal("开群仪式", plan.Name);
        Assert.Equal(8, plan.Steps.Count);
        using var en = new CultureScope("en");
        Assert.Contains(await Plans.ListAsync(templates: true), t => t.Name == "Opening ceremony");
    }

    [Fact]
    public async Task A_plan_with_done_tasks_is_archived_instead_of_deleted()
    {
        var group = await GroupAsync("删除群");
        var plan = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        var unused = await PlanAsync(SopPlanKind.Daily, Step("09:00", "推品"));
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        await Assignments.ApplyAsync(unused.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        var task = (await TasksAsync(group.Id)).First(t => t.PlanId == plan.Id);
        await Get<CommunityPortal.Features.Sop.Tasks.SopTaskService>().CompleteAsync(task.Id, new SopActor("u", "经理", true));

        Assert.False(await Plans.DeleteAsync(plan.Id));
        Assert.Equal(SopPlanStatus.Archived, (await Plans.GetAsync(plan.Id)).Status);
        Assert.True(await Plans.DeleteAsync(unused.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => Plans.GetAsync(unused.Id));
        Assert.Equal([task.Id], (await TasksAsync(group.Id)).Select(t => t.Id));
    }
}
