using System.Net;
using System.Text.Json;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.Signups;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Signups.List;

/// <summary>/api/v1/activities/{id}/signups: listing, signing members up with the page's rules, check-in and completion.</summary>
public sealed class SignupsApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private async Task<(int ActivityId, string Path)> FormAsync(Action<CommunityPortal.Features.Signups.SignupFormInput>? change = null)
    {
        var activity = await SignupSeed.ActivityAsync(factory.Services);
        await SignupSeed.FormAsync(factory.Services, activity.Id, $"api{activity.Id}", change);
        return (activity.Id, $"/api/v1/activities/{activity.Id}/signups");
    }

    [Fact]
    public async Task Post_ByMemberNo_Is201_ThenTheSameMemberAgainIs200WithTheExistingSignup()
    {
        var (_, path) = await FormAsync(f => f.Questions = [SignupSeed.Grade()]);
        var member = await SignupSeed.MemberAsync(factory.Services, "豆豆妈妈", "13812345670");
        var editor = factory.ClientAs(Roles.Operator);

        var created = await (await editor.PostJsonAsync(path, new { memberNo = member.MemberNo, answers = new Dictionary<string, string> { ["q1"] = "一年级" } }))
            .ReadAsync<SignupResponse>(HttpStatusCode.Created);
        var again = await (await editor.PostJsonAsync(path, new { memberNo = member.MemberNo, answers = new Dictionary<string, string> { ["q1"] = "一年级" } }))
            .ReadAsync<SignupResponse>(HttpStatusCode.OK);

        Assert.Equal((member.MemberNo, "豆豆妈妈", "138****5670"), (created.MemberNo, created.Name, created.Phone));
        Assert.Equal("一年级", Assert.Single(created.Answers).Value);
        Assert.Equal(created.Id, again.Id);
    }

    [Fact]
    public async Task Post_UnknownUnionId_MakesANewMemberWithTheNextNumber()
    {
        var (_, path) = await FormAsync(f => f.AskPhone = CommunityPortal.Features.Signups.AskPhone.Optional);

        var created = await (await factory.ClientAs(Roles.Operator).PostJsonAsync(path, new { unionId = "o6_bmjrPTlm6_2sgVt7hMZOPfL9Z", name = "新家长" }))
            .ReadAsync<SignupResponse>(HttpStatusCode.Created);

        Assert.True(created.MemberNo >= 10001);
        Assert.Equal("新家长", created.Name);
    }

    [Fact]
    public async Task Post_Refusals_Are409_AndBadInputIs400NamingTheField()
    {
        var (_, path) = await FormAsync(f => f.Questions = [SignupSeed.Grade()]);
        var spammer = await SignupSeed.MemberAsync(factory.Services, "广告号", "13700000009");
        await SignupSeed.BlacklistAsync(factory.Services, spammer.Id);
        var (_, closedPath) = await FormAsync(f => (f.OpensAt, f.ClosesAt) = (DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddDays(-1)));
        var member = await SignupSeed.MemberAsync(factory.Services, "家长", "13812345679");
        var editor = factory.ClientAs(Roles.Operator, "zh-CN");

        var blacklisted = await (await editor.PostJsonAsync(path, new { memberNo = spammer.MemberNo, answers = new { q1 = "一年级" } }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var closed = await (await editor.PostJsonAsync(closedPath, new { memberNo = member.MemberNo })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("该会员在黑名单中，不能报名。", blacklisted.Detail);
        Assert.Equal("报名已截止。", closed.Detail);
        Assert.Equal(["学号不存在。"], await (await editor.PostJsonAsync(path, new { memberNo = 99999, answers = new { q1 = "一年级" } })).ReadFieldErrorsAsync("memberNo"));
        Assert.Equal(["请选择“孩子年级”。"], await (await editor.PostJsonAsync(path, new { memberNo = member.MemberNo })).ReadFieldErrorsAsync("answers.q1"));
        Assert.NotEmpty(await (await editor.PostJsonAsync(path, new { name = "谁" })).ReadFieldErrorsAsync("memberNo"));
    }

    [Fact]
    public async Task CheckInAndComplete_RecordTheApiKey_AndDeleteClears()
    {
        var (activityId, path) = await FormAsync();
        var member = await SignupSeed.MemberAsync(factory.Services, "家长", "13812345671");
        var editor = factory.ClientAs(Roles.Operator);
        var signup = await (await editor.PostJsonAsync(path, new { memberNo = member.MemberNo })).ReadAsync<SignupResponse>(HttpStatusCode.Created);

        var checkedIn = await (await editor.PutAsync($"{path}/{signup.Id}/checkin", null)).ReadAsync<SignupResponse>();
        var completed = await (await editor.PutAsync($"{path}/{signup.Id}/complete", null)).ReadAsync<SignupResponse>();
        var cleared = await (await editor.DeleteAsync($"{path}/{signup.Id}/checkin")).ReadAsync<SignupResponse>();
        var missing = await editor.PutAsync($"/api/v1/activities/{activityId + 1000}/signups/{signup.Id}/checkin", null);

        Assert.NotNull(checkedIn.CheckedInAt);
        Assert.Equal($"test-{Roles.Operator}", checkedIn.CheckedInBy);
        Assert.NotNull(completed.CompletedAt);
        Assert.Null(cleared.CheckedInAt);
        Assert.NotNull(cleared.CompletedAt);
        await missing.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_IsPaged_ForViewers_WhoCannotSignAnyoneUp()
    {
        var (_, path) = await FormAsync();
        var editor = factory.ClientAs(Roles.Operator);
        foreach (var i in Enumerable.Range(0, 3))
        {
            var member = await SignupSeed.MemberAsync(factory.Services, $"家长{i}", $"1391234500{i}");
            await (await editor.PostJsonAsync(path, new { memberNo = member.MemberNo })).ReadAsync<SignupResponse>(HttpStatusCode.Created);
        }
        var viewer = factory.ClientAs(Roles.Viewer);

        var page = await (await viewer.GetAsync($"{path}?skip=1&take=1")).ReadAsync<PagedResult<SignupResponse>>();
        var forbidden = await viewer.PostJsonAsync(path, new { memberNo = 10001 });

        Assert.Equal(3, page.TotalCount);
        Assert.Equal("家长1", Assert.Single(page.Items).Name);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.NotEmpty(await (await viewer.GetAsync($"{path}?take=500")).ReadFieldErrorsAsync("take"));
        await (await viewer.GetAsync("/api/v1/activities/999999/signups")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_ListsTheSignupEndpoints()
    {
        using var document = JsonDocument.Parse(await factory.Client(key: null).GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/activities/{id}/signups").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/activities/{id}/signups").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/activities/{id}/signups/{signupId}/checkin").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/activities/{id}/signups/{signupId}/checkin").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/activities/{id}/signups/{signupId}/complete").TryGetProperty("put", out _));
    }
}
