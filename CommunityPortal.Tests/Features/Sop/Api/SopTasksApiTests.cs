using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Api;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Sop.Api;

public sealed class SopTasksApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _manager = factory.ClientAs(Roles.Manager);

    [Theory]
    [InlineData("en", "Parameter from is required: an ISO date (2026-12-01) or date and time (2026-12-01T09:00).")]
    [InlineData("zh-CN", "缺少参数 from：请给出 ISO 日期（2026-12-01）或日期时间（2026-12-01T09:00）。")]
    public async Task List_WithoutFromOrTo_NamesEach(string language, string fromMessage)
    {
        var problem = await (await factory.ClientAs(Roles.Viewer, language).GetAsync("/api/v1/sop/tasks")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([fromMessage], problem.Errors["from"]);
        Assert.Equal([fromMessage.Replace("from", "to")], problem.Errors["to"]);
    }

    [Theory]
    [InlineData("en", "from=2026-13-01&to=2026-12-02", "from", "Parameter from (\"2026-13-01\") is not an ISO date (2026-12-01) or date and time (2026-12-01T09:00, or with an offset such as Z or +08:00).")]
    [InlineData("zh-CN", "from=2026-12-01&to=tomorrow", "to", "参数 to 的值“tomorrow”不是 ISO 日期（2026-12-01）或日期时间（2026-12-01T09:00，或带时区偏移如 Z、+08:00）。")]
    [InlineData("en", "from=2026-12-05T10:00&to=2026-12-05T09:00", "to", "Parameter to must be later than from.")]
    [InlineData("zh-CN", "from=2026-12-01&to=2027-02-01", "to", "from 到 to 最多 62 天，请缩短范围。")]
    [InlineData("en", "from=2026-12-01T00:00Z&to=2027-02-01T00:01Z", "to", "From from to to may span at most 62 days; ask for a shorter range.")]
    public async Task List_RefusesBadDatesAndLongRanges_NamingTheParameter(string language, string query, string field, string message) =>
        Assert.Equal([message], await (await factory.ClientAs(Roles.Viewer, language).GetAsync($"/api/v1/sop/tasks?{query}")).ReadFieldErrorsAsync(field));

    [Theory]
    [InlineData("from=2026-12-01&to=2027-01-31")]
    [InlineData("from=2026-12-01T08:00%2B08:00&to=2027-01-31T16:00Z")]
    [InlineData("from=2026-12-01T08:00+08:00&to=2027-01-31T23:59:59")]
    public async Task List_Accepts62Days_InEachForm(string query) =>
        await (await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/sop/tasks?{query}")).ReadAsync<List<SopTaskResponse>>();

    [Fact]
    public async Task Task_HasTheGlossaryFields_WithStateAsAName_AndItsContentRendered()
    {
        var group = await _manager.CreateOpenGroupAsync(ApiSite.OwnerEmail);
        var plan = await _manager.CreatePlanAsync("Daily", SopApi.Step(content: "{group}，早上好；今天见！"));
        await _manager.ApplyAsync(plan.Id, group.Id);
        var task = (await _manager.TasksAsync($"&planId={plan.Id}"))[0];

        var json = JsonDocument.Parse(await (await _manager.GetAsync($"/api/v1/sop/tasks/{task.Id}")).Content.ReadAsStringAsync()).RootElement;

        string[] glossary = ["id", "planId", "groupId", "dueAt", "title", "content", "assigneeEmail", "state", "doneAt", "doneBy"];
        Assert.All(glossary, name => Assert.True(json.TryGetProperty(name, out _), name));
        Assert.Equal("Pending", json.GetProperty("state").GetString());
        Assert.Equal(ApiSite.OwnerEmail, json.GetProperty("assigneeEmail").GetString());
        Assert.Equal($"{group.Name}，早上好；今天见！", json.GetProperty("content").GetString());
        Assert.EndsWith("Z", json.GetProperty("dueAt").GetString());
        await (await _manager.GetAsync("/api/v1/sop/tasks/999999")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByGroupPlanAssigneeAndState()
    {
        var mine = await _manager.CreateOpenGroupAsync(ApiSite.OwnerEmail);
        var other = await _manager.CreateOpenGroupAsync();
        var plan = await _manager.CreatePlanAsync();
        var second = await _manager.CreatePlanAsync();
        await _manager.ApplyAsync(plan.Id, mine.Id, other.Id);
        await _manager.ApplyAsync(second.Id, mine.Id);
        var all = await _manager.TasksAsync($"&planId={plan.Id}");
        var done = all.First(t => t.GroupId == mine.Id);
        await (await _manager.PostAsync($"/api/v1/sop/tasks/{done.Id}/done", null)).ReadAsync<SopTaskResponse>();

        Assert.Equal(2, all.Select(t => t.GroupId).Distinct().Count());
        Assert.All(await _manager.TasksAsync($"&planId={plan.Id}&groupId={other.Id}"), t => Assert.Equal(other.Id, t.GroupId));
        Assert.All(await _manager.TasksAsync($"&groupId={mine.Id}"), t => Assert.Equal(mine.Id, t.GroupId));
        Assert.Contains(await _manager.TasksAsync($"&groupId={mine.Id}"), t => t.PlanId == second.Id);
        var assigned = await _manager.TasksAsync($"&planId={plan.Id}&assignee={Uri.EscapeDataString(ApiSite.OwnerEmail)}");
        Assert.Equal(all.Where(t => t.GroupId == mine.Id).Select(t => t.Id), assigned.Select(t => t.Id));
        Assert.Equal([done.Id], (await _manager.TasksAsync($"&planId={plan.Id}&state=Done")).Select(t => t.Id));
        Assert.DoesNotContain(await _manager.TasksAsync($"&planId={plan.Id}&state=Pending"), t => t.Id == done.Id);
        Assert.Empty(await _manager.TasksAsync($"&planId={plan.Id}&state=Skipped"));

        var (from, to) = SopApi.Days();
        Assert.Single(await (await _manager.GetAsync($"/api/v1/sop/tasks?from={from}&to={to}&assignee=nobody@example.cn")).ReadFieldErrorsAsync("assignee"));
        Assert.Single(await (await _manager.GetAsync($"/api/v1/sop/tasks?from={from}&to={to}&state=Later")).ReadFieldErrorsAsync("state"));
    }

    [Fact]
    public async Task DoneOrSkip_Twice_IsHarmless_AndAnswersTheSettledTask()
    {
        var plan = await _manager.CreatePlanAsync();
        await _manager.ApplyAsync(plan.Id, (await _manager.CreateOpenGroupAsync()).Id);
        var tasks = await _manager.TasksAsync($"&planId={plan.Id}");

        var first = await (await _manager.PostAsync($"/api/v1/sop/tasks/{tasks[0].Id}/done", null)).ReadAsync<SopTaskResponse>();
        var second = await (await _manager.PostAsync($"/api/v1/sop/tasks/{tasks[0].Id}/done", null)).ReadAsync<SopTaskResponse>();
        var skipAfterDone = await (await _manager.PostJsonAsync($"/api/v1/sop/tasks/{tasks[0].Id}/skip", new { reason = "晚了" })).ReadAsync<SopTaskResponse>();
        Assert.Equal((SopTaskStatus.Done, "test-Manager"), (first.State, first.DoneBy));
        Assert.Equal((first.State, first.DoneAt, first.Version), (second.State, second.DoneAt, second.Version));
        Assert.Equal((SopTaskStatus.Done, (string?)null), (skipAfterDone.State, skipAfterDone.SkipReason));

        var skipped = await (await _manager.PostJsonAsync($"/api/v1/sop/tasks/{tasks[1].Id}/skip", new { reason = "群里在办活动" })).ReadAsync<SopTaskResponse>();
        var again = await (await _manager.PostJsonAsync($"/api/v1/sop/tasks/{tasks[1].Id}/skip", new { reason = "别的原因" })).ReadAsync<SopTaskResponse>();
        var doneAfterSkip = await (await _manager.PostAsync($"/api/v1/sop/tasks/{tasks[1].Id}/done", null)).ReadAsync<SopTaskResponse>();
        Assert.Equal((SopTaskStatus.Skipped, "群里在办活动"), (skipped.State, skipped.SkipReason));
        Assert.Equal((skipped.State, skipped.SkipReason, skipped.DoneAt), (again.State, again.SkipReason, again.DoneAt));
        Assert.Equal(SopTaskStatus.Skipped, doneAfterSkip.State);
    }

    [Theory]
    [InlineData("en", "Reason for skipping is required.")]
    [InlineData("zh-CN", "跳过原因不能为空。")]
    public async Task Skip_WithoutReason_NamesReason(string language, string message)
    {
        var client = factory.ClientAs(Roles.Manager, language);
        var plan = await client.CreatePlanAsync();
        await client.ApplyAsync(plan.Id, (await client.CreateOpenGroupAsync()).Id);
        var task = (await client.TasksAsync($"&planId={plan.Id}"))[0];

        Assert.Equal([message], await (await client.PostJsonAsync($"/api/v1/sop/tasks/{task.Id}/skip", new { reason = " " })).ReadFieldErrorsAsync("reason"));
        Assert.Equal(SopTaskStatus.Pending, (await (await client.GetAsync($"/api/v1/sop/tasks/{task.Id}")).ReadAsync<SopTaskResponse>()).State);
    }

    [Theory]
    [InlineData("en", "This task is neither yours nor one of your groups'; you cannot tick it.")]
    [InlineData("zh-CN", "这不是你或你负责的社群的任务，不能操作。")]
    public async Task OperatorKey_OwnsNoTask_AndIsRefused403_ViewerKeyToo(string language, string message)
    {
        // The operator's own group and own task: still not the key's, which stands for no person.
        var plan = await _manager.CreatePlanAsync("Daily", SopApi.Step(assignee: ApiSite.OwnerEmail));
        await _manager.ApplyAsync(plan.Id, (await _manager.CreateOpenGroupAsync(ApiSite.OwnerEmail)).Id);
        var task = (await _manager.TasksAsync($"&planId={plan.Id}"))[0];

        var refused = await (await factory.ClientAs(Roles.Operator, language).PostAsync($"/api/v1/sop/tasks/{task.Id}/done", null))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(message, refused.Detail);
        await (await factory.ClientAs(Roles.Operator, language).PostJsonAsync($"/api/v1/sop/tasks/{task.Id}/skip", new { reason = "x" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.ClientAs(Roles.Viewer, language).PostAsync($"/api/v1/sop/tasks/{task.Id}/done", null))
            .ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(SopTaskStatus.Pending, (await (await _manager.GetAsync($"/api/v1/sop/tasks/{task.Id}")).ReadAsync<SopTaskResponse>()).State);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheSopPaths_ButNotTheFeed()
    {
        using var document = JsonDocument.Parse(await (await factory.Client(key: null).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Superset(new HashSet<string>
        {
            "/api/v1/sop/plans", "/api/v1/sop/plans/{id}", "/api/v1/sop/plans/{id}/archive", "/api/v1/sop/plans/{id}/apply",
            "/api/v1/sop/plans/{id}/copy", "/api/v1/sop/tasks", "/api/v1/sop/tasks/{id}", "/api/v1/sop/tasks/{id}/done",
            "/api/v1/sop/tasks/{id}/skip",
        }, paths.ToHashSet());
        Assert.DoesNotContain(paths, p => p.Contains("feed", StringComparison.Ordinal));
        var listParameters = document.RootElement.GetProperty("paths").GetProperty("/api/v1/sop/tasks").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "from", "to", "groupId", "planId", "assignee", "state" }, listParameters.ToHashSet());
    }
}
