using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Api;
using CommunityPortal.Tests.Features.Matrix;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Sop.Api;

public sealed class SopPlansApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private const string Placeholders = "{group} {activity} {series} {liveCodeUrl} {signupUrl} {date} {owner}";

    private readonly HttpClient _manager = factory.ClientAs(Roles.Manager);

    [Fact]
    public async Task Plan_RoundTrip_CreateReadListUpdate_KeepsStepKeysAndCountsVersions()
    {
        var create = await _manager.PostJsonAsync("/api/v1/sop/plans", new
        {
            name = "C群日SOP",
            description = "早晚各一条",
            kind = "Weekly",
            steps = new[]
            {
                new { time = "09:00", weekdays = new[] { "Monday", "Friday" }, title = "早安", content = "{group}早上好", assignee = ApiSite.OwnerEmail },
            },
        });
        var created = await create.ReadAsync<SopPlanResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/sop/plans/{created.Id}", create.Headers.Location?.OriginalString);
        var step = Assert.Single(created.Steps);
        Assert.Equal(("09:00", SopAssigneeMode.User, ApiSite.OwnerEmail), (step.Time, step.AssigneeMode, step.AssigneeEmail));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], step.Weekdays);

        var json = JsonDocument.Parse(await (await _manager.GetAsync($"/api/v1/sop/plans/{created.Id}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Weekly", json.GetProperty("kind").GetString());
        Assert.Equal("Active", json.GetProperty("status").GetString());
        Assert.Contains((await (await _manager.GetAsync("/api/v1/sop/plans")).ReadAsync<List<SopPlanSummaryResponse>>()), p => p.Id == created.Id);

        var updated = await (await _manager.PutJsonAsync($"/api/v1/sop/plans/{created.Id}", new
        {
            name = "C群日SOP",
            kind = "Weekly",
            version = created.Version,
            steps = new object[]
            {
                new { key = step.Key, time = "09:30", weekdays = new[] { "Monday" }, title = "早安", content = "{group}早上好" },
                new { time = "21:00", weekdays = new[] { "Sunday" }, title = "晚安", content = "晚安，{group}" },
            },
        })).ReadAsync<SopPlanResponse>();
        Assert.Equal((2, 2, step.Key), (updated.CurrentVersion, updated.Steps.Count, updated.Steps[0].Key));
        Assert.Equal(SopAssigneeMode.GroupOwner, updated.Steps[1].AssigneeMode);
    }

    [Fact]
    public async Task Update_WithoutVersion_NamesVersion_AndWithAStaleOne_Is409()
    {
        var plan = await _manager.CreatePlanAsync();
        var body = new { name = "x", kind = "Daily", steps = new[] { SopApi.Step() } };

        Assert.Single(await (await _manager.PutJsonAsync($"/api/v1/sop/plans/{plan.Id}", body)).ReadFieldErrorsAsync("version"));
        await (await _manager.PutJsonAsync($"/api/v1/sop/plans/{plan.Id}", new { body.name, body.kind, body.steps, version = plan.Version }))
            .ReadAsync<SopPlanResponse>();
        await (await _manager.PutJsonAsync($"/api/v1/sop/plans/{plan.Id}", new { body.name, body.kind, body.steps, version = plan.Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
    }

    public static TheoryData<string, string, object, string, string> BadSteps => new()
    {
        { "en", "Daily", SopApi.Step(time: "24:00"), "steps[0].time", "Step 1: Time must be a time between 00:00 and 23:59." },
        { "zh-CN", "Daily", SopApi.Step(time: "24:00"), "steps[0].time", "第 1 步的时间须是 00:00 到 23:59 之间的时间。" },
        { "en", "Weekly", SopApi.Step(), "steps[0].weekdays", "Step 1: Weekdays of a weekly step: choose at least one day." },
        { "zh-CN", "Weekly", SopApi.Step(), "steps[0].weekdays", "每周计划的第 1 步的星期至少选一天。" },
        { "en", "Relative", SopApi.Step(dayOffset: -1), "steps[0].dayOffset", "Step 1: Day must be between 0 and 365." },
        { "zh-CN", "Relative", SopApi.Step(dayOffset: 366), "steps[0].dayOffset", "第 1 步的第几天必须在 0 到 365 之间。" },
        { "en", "Daily", SopApi.Step(content: "{group}: {prize}"), "steps[0].content",
            $"Step 1: Content contains the unknown placeholder {{prize}}; the placeholders are: {Placeholders}." },
        { "zh-CN", "Daily", SopApi.Step(content: "{Group}好"), "steps[0].content", $"第 1 步的内容含有未知的占位符 {{Group}}；可用的有：{Placeholders}。" },
        { "en", "Daily", SopApi.Step(content: "  "), "steps[0].content", "Step 1: Content is required." },
        { "zh-CN", "Daily", SopApi.Step(content: ""), "steps[0].content", "第 1 步的内容不能为空。" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task Create_RefusesABadStep_NamingItsFieldInTheCallersLanguage(string language, string kind, object step, string field, string message)
    {
        var client = factory.ClientAs(Roles.Manager, language);
        var before = (await (await client.GetAsync("/api/v1/sop/plans?includeArchived=true")).ReadAsync<List<SopPlanSummaryResponse>>()).Count;

        var errors = await (await client.PostJsonAsync("/api/v1/sop/plans", new { name = MatrixApi.Unique("坏计划"), kind, steps = new[] { step } }))
            .ReadFieldErrorsAsync(field);

        Assert.Equal([message], errors);
        Assert.Equal(before, (await (await client.GetAsync("/api/v1/sop/plans?includeArchived=true")).ReadAsync<List<SopPlanSummaryResponse>>()).Count);
    }

    [Theory]
    [InlineData("en", "Plan type is required.")]
    [InlineData("zh-CN", "计划类型不能为空。")]
    public async Task Create_WithoutKind_NamesKind(string language, string message) =>
        Assert.Equal([message], await (await factory.ClientAs(Roles.Manager, language)
            .PostJsonAsync("/api/v1/sop/plans", new { name = "x", steps = new[] { SopApi.Step() } })).ReadFieldErrorsAsync("kind"));

    [Theory]
    [InlineData("en", "Groups: the group “{0}” is archived; a plan cannot be applied to it.")]
    [InlineData("zh-CN", "社群：社群“{0}”已归档，不能应用计划。")]
    public async Task Apply_ToAnArchivedGroup_NamesGroupIds_AndMakesNoTask(string language, string message)
    {
        var client = factory.ClientAs(Roles.Manager, language);
        var plan = await client.CreatePlanAsync();
        var open = await client.CreateOpenGroupAsync();
        var archived = await client.CreateOpenGroupAsync();
        await (await client.PostAsync($"/api/v1/groups/{archived.Id}/archive", null)).ReadAsync<object>();

        var errors = await (await client.PostJsonAsync($"/api/v1/sop/plans/{plan.Id}/apply", new { groupIds = new[] { open.Id, archived.Id } }))
            .ReadFieldErrorsAsync("groupIds");

        Assert.Equal([string.Format(message, archived.Name)], errors);
        Assert.Empty(await client.TasksAsync($"&planId={plan.Id}"));
        Assert.Empty((await (await client.GetAsync($"/api/v1/sop/plans/{plan.Id}")).ReadAsync<SopPlanResponse>()).Assignments);
    }

    [Fact]
    public async Task Apply_MakesTasksAtOnce_AndTemplatesMustBeCopiedFirst()
    {
        var group = await _manager.CreateOpenGroupAsync();
        var template = (await TemplatesAsync()).First(p => p.Kind == SopPlanKind.Daily);

        await (await _manager.PostJsonAsync($"/api/v1/sop/plans/{template.Id}/apply", new { groupIds = new[] { group.Id } }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var copy = await (await _manager.PostJsonAsync($"/api/v1/sop/plans/{template.Id}/copy", new { name = MatrixApi.Unique("我的日SOP") }))
            .ReadAsync<SopPlanResponse>(HttpStatusCode.Created);
        var applied = await _manager.ApplyAsync(copy.Id, group.Id);

        Assert.True(applied.TasksCreated > 0);
        Assert.Equal(group.Id, Assert.Single(applied.Plan.Assignments).GroupId);
        Assert.Equal(applied.TasksCreated, (await _manager.TasksAsync($"&planId={copy.Id}")).Count);
    }

    // The templates are preloaded in the background as the app starts: wait for them, not for a clock.
    private async Task<List<SopPlanSummaryResponse>> TemplatesAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var templates = await (await _manager.GetAsync("/api/v1/sop/plans?templates=true")).ReadAsync<List<SopPlanSummaryResponse>>();
            if (templates.Count > 0 || attempt == 100)
            {
                return templates;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Delete_APlanNobodyWorkedOn_Deletes_ButOneWithADoneTask_Archives()
    {
        var group = await _manager.CreateOpenGroupAsync();
        var untouched = await _manager.CreatePlanAsync();
        await _manager.ApplyAsync(untouched.Id, group.Id);
        var worked = await _manager.CreatePlanAsync();
        await _manager.ApplyAsync(worked.Id, group.Id);
        var task = (await _manager.TasksAsync($"&planId={worked.Id}"))[0];
        await (await _manager.PostAsync($"/api/v1/sop/tasks/{task.Id}/done", null)).ReadAsync<SopTaskResponse>();

        var deleted = await (await _manager.DeleteAsync($"/api/v1/sop/plans/{untouched.Id}")).ReadAsync<SopPlanDeleteResponse>();
        var archived = await (await _manager.DeleteAsync($"/api/v1/sop/plans/{worked.Id}")).ReadAsync<SopPlanDeleteResponse>();

        Assert.Equal((untouched.Id, SopPlanRemoval.Deleted), (deleted.Id, deleted.Result));
        await (await _manager.GetAsync($"/api/v1/sop/plans/{untouched.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((worked.Id, SopPlanRemoval.Archived), (archived.Id, archived.Result));
        Assert.Equal(SopPlanStatus.Archived, (await (await _manager.GetAsync($"/api/v1/sop/plans/{worked.Id}")).ReadAsync<SopPlanResponse>()).Status);
        // The done task stays for the record; the plan's pending ones are gone.
        Assert.Equal([task.Id], (await _manager.TasksAsync($"&planId={worked.Id}")).Select(t => t.Id));
    }

    [Fact]
    public async Task Archive_StopsFutureTasks_Twice_AndRestoreBringsThemBack()
    {
        var plan = await _manager.CreatePlanAsync();
        await _manager.ApplyAsync(plan.Id, (await _manager.CreateOpenGroupAsync()).Id);
        var before = (await _manager.TasksAsync($"&planId={plan.Id}")).Count;

        await (await _manager.PostAsync($"/api/v1/sop/plans/{plan.Id}/archive", null)).ReadAsync<SopPlanResponse>();
        var again = await (await _manager.PostAsync($"/api/v1/sop/plans/{plan.Id}/archive", null)).ReadAsync<SopPlanResponse>();
        Assert.Equal(SopPlanStatus.Archived, again.Status);
        Assert.Empty(await _manager.TasksAsync($"&planId={plan.Id}"));
        await (await _manager.PostJsonAsync($"/api/v1/sop/plans/{plan.Id}/apply", new { groupIds = new[] { 1 } })).ReadProblemAsync(HttpStatusCode.Conflict);

        await (await _manager.PostAsync($"/api/v1/sop/plans/{plan.Id}/restore", null)).ReadAsync<SopPlanResponse>();
        Assert.Equal(before, (await _manager.TasksAsync($"&planId={plan.Id}")).Count);
    }

    [Fact]
    public async Task Writing_NeedsAManagerOrAdminKey_ReadingAnyKey()
    {
        var plan = await _manager.CreatePlanAsync();
        var body = new { name = "x", kind = "Daily", steps = new[] { SopApi.Step() } };

        foreach (var role in new[] { Roles.Operator, Roles.Viewer })
        {
            var client = factory.ClientAs(role);
            await (await client.PostJsonAsync("/api/v1/sop/plans", body)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostJsonAsync($"/api/v1/sop/plans/{plan.Id}/apply", new { groupIds = new[] { 1 } })).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync($"/api/v1/sop/plans/{plan.Id}/archive", null)).ReadProblemAsync(HttpStatusCode.Forbidden);
            await (await client.DeleteAsync($"/api/v1/sop/plans/{plan.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(plan.Id, (await (await client.GetAsync($"/api/v1/sop/plans/{plan.Id}")).ReadAsync<SopPlanResponse>()).Id);
        }
        await (await factory.ClientAs(Roles.Admin).PostJsonAsync("/api/v1/sop/plans", body)).ReadAsync<SopPlanResponse>(HttpStatusCode.Created);
    }
}
