using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Matrix.Activities;

public sealed class ActivitiesEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _client = factory.ClientAs(Roles.Manager);

    [Fact]
    public async Task Activity_RoundTrip_CreateReadUpdateArchiveDelete()
    {
        var series = await _client.CreateSeriesAsync(name: "训练营");
        var create = await _client.PostJsonAsync("/api/v1/activities", new { seriesId = series.Id, startDate = "2026-12-01", endDate = "2026-12-07" });
        var created = await create.ReadAsync<ActivityResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/activities/{created.Id}", create.Headers.Location?.OriginalString);
        Assert.Equal((1, new DateOnly(2026, 12, 1), ActivityStatus.Planned), (created.PeriodNo, created.StartDate, created.Status));
        Assert.Contains("训练营", created.Name);

        var json = JsonDocument.Parse(await (await _client.GetAsync($"/api/v1/activities/{created.Id}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-12-07", json.GetProperty("endDate").GetString());
        Assert.Equal("Planned", json.GetProperty("status").GetString());

        var updated = await (await _client.PutJsonAsync($"/api/v1/activities/{created.Id}", new
        {
            seriesId = series.Id, periodNo = 1, name = "冬季营", startDate = "2026-12-02", endDate = "2026-12-09", status = "Running", version = 1,
        })).ReadAsync<ActivityResponse>();
        Assert.Equal(("冬季营", ActivityStatus.Running, new DateOnly(2026, 12, 9), 2), (updated.Name, updated.Status, updated.EndDate, updated.Version));

        Assert.Equal([created.Id], (await ListAsync($"?seriesId={series.Id}")).Select(a => a.Id));
        var archived = await (await _client.PostAsync($"/api/v1/activities/{created.Id}/archive", null)).ReadAsync<ActivityResponse>();
        Assert.Equal(ActivityStatus.Archived, archived.Status);
        Assert.Empty(await ListAsync($"?seriesId={series.Id}"));
        Assert.Single(await ListAsync($"?seriesId={series.Id}&includeArchived=true"));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/activities/{created.Id}")).StatusCode);
        await (await _client.GetAsync($"/api/v1/activities/{created.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_EndBeforeStart_Returns400NamingEndDate_InTheCallersLanguage()
    {
        var series = await _client.CreateSeriesAsync();
        var body = new { seriesId = series.Id, startDate = "2026-12-08", endDate = "2026-12-01" };

        var en = await (await factory.ClientAs(Roles.Manager, "en").PostJsonAsync("/api/v1/activities", body)).ReadFieldErrorsAsync("endDate");
        var zh = await (await _client.PostJsonAsync("/api/v1/activities", body)).ReadFieldErrorsAsync("endDate");

        Assert.Equal("End date cannot be before Start date.", Assert.Single(en));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(zh));
    }

    [Fact]
    public async Task Create_WithoutDates_Returns400NamingBothDates()
    {
        var series = await _client.CreateSeriesAsync();

        var problem = await (await _client.PostJsonAsync("/api/v1/activities", new { seriesId = series.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("startDate", problem.Errors.Keys);
        Assert.Contains("endDate", problem.Errors.Keys);
    }

    [Fact]
    public async Task Update_WithStaleVersion_Returns409()
    {
        var activity = await _client.CreateActivityAsync();
        var body = new { seriesId = activity.SeriesId, startDate = "2026-12-01", endDate = "2026-12-10", version = activity.Version };
        Assert.Equal(HttpStatusCode.OK, (await _client.PutJsonAsync($"/api/v1/activities/{activity.Id}", body)).StatusCode);

        await (await _client.PutJsonAsync($"/api/v1/activities/{activity.Id}", body)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CopyPrevious_CreatesTheNextPeriodWithRenumberedGroups()
    {
        var first = await _client.CreateActivityAsync(start: "2026-12-01", end: "2026-12-07");
        await _client.CreateGroupAsync(new { name = "1期-1群", activityId = first.Id, tier = "Core", memberCount = 120, status = "Open" });

        var response = await _client.PostAsync($"/api/v1/series/{first.SeriesId}/copy-previous", null);

        var next = await response.ReadAsync<ActivityResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/activities/{next.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((2, 1, 0), (next.PeriodNo, next.GroupCount, next.MemberCount));
        var groups = await (await _client.GetAsync($"/api/v1/groups?activityId={next.Id}")).ReadAsync<GroupPage>();
        var copy = Assert.Single(groups.Items);
        Assert.Equal(("2期-1群", GroupTier.Core, 0, GroupStatus.Planned), (copy.Name, copy.Tier, copy.MemberCount, copy.Status));
    }

    [Fact]
    public async Task CopyPrevious_NeedsTheManagePolicy()
    {
        var activity = await _client.CreateActivityAsync();

        var response = await factory.ClientAs(Roles.Operator).PostAsync($"/api/v1/series/{activity.SeriesId}/copy-previous", null);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CopyPrevious_WhenSeriesHasNoActivity_Returns409_AndUnknownSeries404()
    {
        var series = await _client.CreateSeriesAsync();

        await (await _client.PostAsync($"/api/v1/series/{series.Id}/copy-previous", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostAsync("/api/v1/series/99999/copy-previous", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_WhenActivityHasGroups_Returns409()
    {
        var activity = await _client.CreateActivityAsync();
        await _client.CreateGroupAsync(new { name = "群", activityId = activity.Id });

        await (await _client.DeleteAsync($"/api/v1/activities/{activity.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<List<ActivityResponse>> ListAsync(string query) =>
        await (await _client.GetAsync("/api/v1/activities" + query)).ReadAsync<List<ActivityResponse>>();

    private sealed record GroupPage(List<GroupResponse> Items, int TotalCount);
}
