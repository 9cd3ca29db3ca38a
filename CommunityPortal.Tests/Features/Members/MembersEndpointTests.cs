using System.Net;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Security;
using static CommunityPortal.Tests.Features.Members.MembersApiSeed;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Members;

public sealed class MembersEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private IServiceProvider Services => factory.Services;

    [Fact]
    public async Task Search_TagsAnyOfAndGrowthLevel_FindsOnlyThoseMembers_PagedNewestFirst()
    {
        var (reading, english) = (await TagAsync(Services), await TagAsync(Services));
        var a = await MemberAsync(Services, "甲", level: GrowthLevel.S);
        var b = await MemberAsync(Services, "乙", level: GrowthLevel.S);
        var c = await MemberAsync(Services, "丙", level: GrowthLevel.C);
        await TagMemberAsync(Services, a.Id, reading.Id);
        await TagMemberAsync(Services, b.Id, english.Id);
        await TagMemberAsync(Services, c.Id, reading.Id);

        var url = $"/api/v1/members?tagsAnyOf={reading.Id},{english.Id}&growthLevel=S&pageSize=1";
        var first = await (await factory.ClientAs(Roles.Viewer).GetAsync(url)).ReadAsync<PageResponse<MemberRowResponse>>();
        var second = await (await factory.ClientAs(Roles.Viewer).GetAsync(url + "&page=2")).ReadAsync<PageResponse<MemberRowResponse>>();

        Assert.Equal(2, first.TotalCount);
        Assert.Equal(b.MemberNo, Assert.Single(first.Items).MemberNo);
        Assert.Equal(a.MemberNo, Assert.Single(second.Items).MemberNo);
        Assert.Equal((2, 1), (second.Page, second.PageSize));
        Assert.Contains(second.Items[0].Tags, t => t.Id == reading.Id);
    }

    [Fact]
    public async Task Search_ByPhoneTail_AndByGroup_AndSortedAscending()
    {
        var phone = Phone();
        var owner = await MemberAsync(Services, "尾号", phone);
        var group = await GroupAsync(Services);
        var x = await MemberAsync(Services, "群员X");
        var y = await MemberAsync(Services, "群员Y");
        await JoinAsync(Services, y.Id, group);
        await JoinAsync(Services, x.Id, group);
        var client = factory.ClientAs(Roles.Viewer);

        var byTail = await (await client.GetAsync($"/api/v1/members?search={phone[^6..]}")).ReadAsync<PageResponse<MemberRowResponse>>();
        var byGroup = await (await client.GetAsync($"/api/v1/members?groupId={group}&sort=memberNo")).ReadAsync<PageResponse<MemberRowResponse>>();

        Assert.Equal(owner.Id, Assert.Single(byTail.Items).Id);
        Assert.Equal([x.MemberNo, y.MemberNo], byGroup.Items.Select(m => m.MemberNo));
    }

    [Fact]
    public async Task Search_WrongParameters_Are400NamingEachParameter()
    {
        var response = await factory.ClientAs(Roles.Viewer, "en")
            .GetAsync("/api/v1/members?tagsAnyOf=3,x&pageSize=500&page=0&sort=phone&createdFrom=yesterday");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["createdFrom", "page", "pageSize", "sort", "tagsAnyOf"], problem.Errors.Keys.Order());
        Assert.Contains("comma-separated", problem.Errors["tagsAnyOf"][0]);
        Assert.NotEmpty(await (await factory.ClientAs(Roles.Viewer).GetAsync("/api/v1/members?growthLevel=Z")).ReadFieldErrorsAsync("growthLevel"));
    }

    [Fact]
    public async Task Search_CreatedBetween_UsesPortalLocalDates()
    {
        var member = await MemberAsync(Services, "今天的新人");
        var today = CommunityPortal.Infrastructure.Time.PortalTime.ToLocal(member.CreatedAt).Date;
        var client = factory.ClientAs(Roles.Viewer);

        var fromToday = await (await client.GetAsync($"/api/v1/members?createdFrom={today:yyyy-MM-dd}&search=今天的新人")).ReadAsync<PageResponse<MemberRowResponse>>();
        var beforeToday = await (await client.GetAsync($"/api/v1/members?createdTo={today:yyyy-MM-dd}&search=今天的新人")).ReadAsync<PageResponse<MemberRowResponse>>();

        Assert.Equal(member.Id, Assert.Single(fromToday.Items).Id);
        Assert.Empty(beforeToday.Items);
    }

    [Theory]
    [InlineData(Roles.Viewer, true)]
    [InlineData(Roles.Operator, true)]
    [InlineData(Roles.Manager, false)]
    [InlineData(Roles.Admin, false)]
    public async Task Phones_AreMaskedUnlessTheKeyMayManageMembers(string role, bool masked)
    {
        var phone = Phone();
        var member = await MemberAsync(Services, "手机号", phone);
        var client = factory.ClientAs(role);
        var expected = masked ? MemberRules.MaskPhone(phone) : phone;

        var one = await (await client.GetAsync($"/api/v1/members/{member.Id}")).ReadAsync<MemberResponse>();
        var page = await (await client.GetAsync($"/api/v1/members?search={phone}")).ReadAsync<PageResponse<MemberRowResponse>>();

        Assert.Equal(expected, one.Phone);
        Assert.Equal(masked, one.PhoneMasked);
        Assert.Equal(expected, Assert.Single(page.Items).Phone);
        Assert.Equal(masked, page.Items[0].PhoneMasked);
    }

    [Fact]
    public async Task Lookup_ByMemberNoUnionIdOrPhone_FindsTheMember_ElseA404()
    {
        var (phone, unionId) = (Phone(), UnionId());
        var member = await MemberAsync(Services, "查找", phone, unionId);
        var client = factory.ClientAs(Roles.Viewer);

        foreach (var query in new[] { $"memberNo={member.MemberNo}", $"unionId={unionId}", $"phone={phone[..3]}-{phone[3..7]}-{phone[7..]}" })
        {
            Assert.Equal(member.Id, (await (await client.GetAsync("/api/v1/members/lookup?" + query)).ReadAsync<MemberResponse>()).Id);
        }
        await (await client.GetAsync("/api/v1/members/lookup?memberNo=99999")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/members/lookup?unionId={UnionId()}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEmpty(await (await client.GetAsync("/api/v1/members/lookup")).ReadFieldErrorsAsync("memberNo"));
        Assert.NotEmpty(await (await client.GetAsync($"/api/v1/members/lookup?memberNo=1&phone={phone}")).ReadFieldErrorsAsync("memberNo"));
        Assert.NotEmpty(await (await client.GetAsync("/api/v1/members/lookup?phone=12345")).ReadFieldErrorsAsync("phone"));
    }

    [Fact]
    public async Task Get_UnknownId_Is404Problem()
    {
        var problem = await (await factory.ClientAs(Roles.Viewer, "en").GetAsync("/api/v1/members/987654")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("The member does not exist.", problem.Detail);
    }

    [Fact]
    public async Task Create_AsOperator_Is201WithTheNextMemberNo()
    {
        var before = await MemberAsync(Services, "之前");
        var unionId = UnionId();

        var response = await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/members",
            new { nickname = "新会员", phone = "+86 " + Phone(), unionId, growthLevel = "A", gender = "Female" });

        var created = await response.ReadAsync<MemberResponse>(HttpStatusCode.Created);
        Assert.True(created.MemberNo > before.MemberNo);
        Assert.Equal($"/api/v1/members/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((GrowthLevel.A, Gender.Female, unionId), (created.GrowthLevel, created.Gender, created.UnionId));
    }

    [Fact]
    public async Task Create_BadFields_Is400NamingEachField_InTheCallersLanguage()
    {
        var taken = UnionId();
        await MemberAsync(Services, "占用", unionId: taken);

        var response = await factory.ClientAs(Roles.Operator, "en").PostJsonAsync("/api/v1/members",
            new { nickname = "", phone = "12345", unionId = taken });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["nickname", "phone"], problem.Errors.Keys.Order());
        Assert.Contains("mobile number", problem.Errors["phone"][0]);
        var clash = await (await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/members", new { nickname = "重复", unionId = taken }))
            .ReadFieldErrorsAsync("unionId");
        Assert.Contains("已属于", clash[0]);
    }

    [Fact]
    public async Task Writes_NeedTheRightRole_AndAKey()
    {
        var member = await MemberAsync(Services, "权限");
        var tag = await TagAsync(Services);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client(key: null).GetAsync("/api/v1/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Viewer).PostJsonAsync("/api/v1/members", new { nickname = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Viewer).PutJsonAsync($"/api/v1/members/{member.Id}", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Viewer).PostAsync($"/api/v1/members/{member.Id}/tags/{tag.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await factory.ClientAs(Roles.Operator).PostJsonAsync($"/api/v1/members/{member.Id}/blacklist", new { reason = "广告" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Operator).DeleteAsync($"/api/v1/members/{member.Id}/blacklist")).StatusCode);
    }

    [Fact]
    public async Task Update_ChangesOnlyWhatIsSent_AndAMaskedPhoneKeepsTheNumber()
    {
        var phone = Phone();
        var member = await MemberAsync(Services, "原名", phone);
        var client = factory.ClientAs(Roles.Operator);
        var read = await (await client.GetAsync($"/api/v1/members/{member.Id}")).ReadAsync<MemberResponse>();

        var updated = await (await client.PutJsonAsync($"/api/v1/members/{member.Id}",
            new { nickname = "新名", phone = read.Phone, region = "上海", version = read.Version })).ReadAsync<MemberResponse>();

        Assert.Equal(("新名", "上海", read.Version + 1), (updated.Nickname, updated.Region, updated.Version));
        var full = await (await factory.ClientAs(Roles.Manager).GetAsync($"/api/v1/members/{member.Id}")).ReadAsync<MemberResponse>();
        Assert.Equal(phone, full.Phone);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_Is409_AndWithoutOne_400NamingVersion()
    {
        var member = await MemberAsync(Services, "并发");
        var client = factory.ClientAs(Roles.Operator);
        await (await client.PutJsonAsync($"/api/v1/members/{member.Id}", new { nickname = "先", version = member.Version })).ReadAsync<MemberResponse>();

        await (await client.PutJsonAsync($"/api/v1/members/{member.Id}", new { nickname = "后", version = member.Version }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(await (await client.PutJsonAsync($"/api/v1/members/{member.Id}", new { nickname = "后" })).ReadFieldErrorsAsync("version"));
        await (await client.PutJsonAsync("/api/v1/members/987654", new { nickname = "无", version = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tags_AddAndRemove_ShowOnTheMember_AndUnknownTagOrMemberIs404()
    {
        var member = await MemberAsync(Services, "贴标签");
        var tag = await TagAsync(Services);
        var client = factory.ClientAs(Roles.Operator);

        var tagged = await (await client.PostAsync($"/api/v1/members/{member.Id}/tags/{tag.Id}", null)).ReadAsync<MemberResponse>();
        var again = await (await client.PostAsync($"/api/v1/members/{member.Id}/tags/{tag.Id}", null)).ReadAsync<MemberResponse>();
        var untagged = await (await client.DeleteAsync($"/api/v1/members/{member.Id}/tags/{tag.Id}")).ReadAsync<MemberResponse>();

        Assert.Contains(tagged.Tags, t => t.Id == tag.Id);
        Assert.Single(again.Tags, t => t.Id == tag.Id);
        Assert.DoesNotContain(untagged.Tags, t => t.Id == tag.Id);
        await (await client.PostAsync($"/api/v1/members/{member.Id}/tags/987654", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync($"/api/v1/members/987654/tags/{tag.Id}", null)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Blacklist_AsManager_NeedsAReason_ConflictsWhenRepeated_AndCanBeLifted()
    {
        var member = await MemberAsync(Services, "广告号");
        var client = factory.ClientAs(Roles.Manager);

        Assert.NotEmpty(await (await client.PostJsonAsync($"/api/v1/members/{member.Id}/blacklist", new { reason = " " })).ReadFieldErrorsAsync("reason"));
        var blacklisted = await (await client.PostJsonAsync($"/api/v1/members/{member.Id}/blacklist", new { reason = "群内发广告" })).ReadAsync<MemberResponse>();
        await (await client.PostJsonAsync($"/api/v1/members/{member.Id}/blacklist", new { reason = "又发" })).ReadProblemAsync(HttpStatusCode.Conflict);
        var lifted = await (await client.DeleteAsync($"/api/v1/members/{member.Id}/blacklist?note=误判")).ReadAsync<MemberResponse>();
        await (await client.DeleteAsync($"/api/v1/members/{member.Id}/blacklist")).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((MemberStatus.Blacklisted, "群内发广告", "test-Manager"), (blacklisted.Status, blacklisted.BlacklistReason, blacklisted.BlacklistedByName));
        Assert.Equal(MemberStatus.Active, lifted.Status);
    }

    [Fact]
    public async Task Timeline_IsPagedNewestFirst_AndChecksItsParameters()
    {
        var member = await MemberAsync(Services, "时间线");
        var tag = await TagAsync(Services);
        await TagMemberAsync(Services, member.Id, tag.Id);
        await (await factory.ClientAs(Roles.Manager).PostJsonAsync($"/api/v1/members/{member.Id}/blacklist", new { reason = "刷屏" })).ReadAsync<MemberResponse>();
        var client = factory.ClientAs(Roles.Viewer);

        var first = await (await client.GetAsync($"/api/v1/members/{member.Id}/timeline?pageSize=2")).ReadAsync<PageResponse<TimelineEntry>>();
        var second = await (await client.GetAsync($"/api/v1/members/{member.Id}/timeline?pageSize=2&page=2")).ReadAsync<PageResponse<TimelineEntry>>();

        Assert.Equal(3, first.TotalCount);
        Assert.Equal([TimelineKind.Blacklisted, TimelineKind.TagAdded], first.Items.Select(e => e.Kind));
        Assert.Equal(TimelineKind.Created, Assert.Single(second.Items).Kind);
        Assert.NotEmpty(await (await client.GetAsync($"/api/v1/members/{member.Id}/timeline?pageSize=101")).ReadFieldErrorsAsync("pageSize"));
        await (await client.GetAsync("/api/v1/members/987654/timeline")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
