using System.Net;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Sop.Api;
using CommunityPortal.Tests.Features.Matrix;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Sop.Api;

/// <summary>Builds plans, groups and tasks through the API, for tests about what comes after.</summary>
public static class SopApi
{
    public static object Step(string time = "10:00", string title = "早安问候", string content = "{group}的朋友们早上好！",
        string? assignee = null, string[]? weekdays = null, int? dayOffset = null) =>
        new { time, title, content, assignee, weekdays, dayOffset };

    public static async Task<SopPlanResponse> CreatePlanAsync(this HttpClient client, string kind = "Daily", params object[] steps) =>
        await (await client.PostJsonAsync("/api/v1/sop/plans", new
        {
            name = MatrixApi.Unique("日SOP"),
            kind,
            steps = steps.Length == 0 ? new[] { Step() } : steps,
        })).ReadAsync<SopPlanResponse>(HttpStatusCode.Created);

    public static async Task<GroupResponse> CreateOpenGroupAsync(this HttpClient client, string? ownerEmail = null) =>
        await client.CreateGroupAsync(new { name = MatrixApi.Unique("福利群"), status = "Open", ownerEmail });

    public static async Task<SopApplyResponse> ApplyAsync(this HttpClient client, int planId, params int[] groupIds) =>
        await (await client.PostJsonAsync($"/api/v1/sop/plans/{planId}/apply", new { groupIds })).ReadAsync<SopApplyResponse>();

    /// <summary>The tasks of the coming days (today through the next two weeks, the team's days).</summary>
    public static async Task<List<SopTaskResponse>> TasksAsync(this HttpClient client, string filter = "")
    {
        var (from, to) = Days();
        return await (await client.GetAsync($"/api/v1/sop/tasks?from={from}&to={to}{filter}")).ReadAsync<List<SopTaskResponse>>();
    }

    public static (string From, string To) Days(int days = 14)
    {
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        return (today.ToString("yyyy-MM-dd"), today.AddDays(days).ToString("yyyy-MM-dd"));
    }
}
