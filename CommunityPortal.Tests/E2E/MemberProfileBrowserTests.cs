using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using GroupPage = CommunityPortal.Tests.E2E.Pages.GroupPage;
using MemberProfilePage = CommunityPortal.Tests.E2E.Pages.MemberProfilePage;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// A member's profile in chromium: an operator tags the member, writes a service record and edits it (the earlier text
/// stays viewable), and records a join (the group's count follows); a manager blacklists with a reason (the header
/// turns red, the blacklist page lists the member) and lifts it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberProfileBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string OperatorEmail = "profile-op@example.com";
    private const string ManagerEmail = "profile-manager@example.com";
    private const string Password = "Op-secret-2026";

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(OperatorEmail, Password, Roles.Operator, "运营小王");
        await server.CreateUserAsync(ManagerEmail, Password, Roles.Manager, "李经理");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_TagsServesAndJoins_ThenManager_BlacklistsWithAReason_AndLiftsIt()
    {
        var (member, group) = await SeedAsync();

        // The operator: masked phone, a tag, a service record edited with its history kept, a join.
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(OperatorEmail, Password);
        var profile = new MemberProfilePage(page, server.BaseUrl);
        await profile.OpenAsync(member.Id);
        await Assertions.Expect(page.GetByTestId("member-no")).ToHaveTextAsync(member.MemberNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(profile.Phone).ToHaveTextAsync("138****5678");

        await profile.AddTagAsync("高意向");
        await Assertions.Expect(profile.HeaderTags).ToHaveAttributeAsync("data-tag", "高意向");
        await Assertions.Expect(profile.TimelineEntries.First).ToHaveAttributeAsync("data-kind", "TagAdded");

        await profile.AddRecordAsync("想了解 3 月班的价格");
        await profile.EditFirstRecordAsync("已报名 3 月班");
        await Assertions.Expect(profile.Records.First.GetByTestId("record-text")).ToHaveTextAsync("已报名 3 月班");
        await profile.Records.First.GetByTestId("record-history").ClickAsync();
        var versions = profile.Dialog.GetByTestId("record-version");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.Nth(1)).ToContainTextAsync("想了解 3 月班的价格");
        await Assertions.Expect(versions.Nth(1)).ToContainTextAsync("运营小王");
        await profile.Dialog.GetByTestId("close").ClickAsync();
        await Assertions.Expect(profile.Dialog).ToHaveCountAsync(0);

        await profile.JoinGroupAsync("会员群");
        await Assertions.Expect(profile.Groups).ToHaveAttributeAsync("data-group", "会员群");
        await Assertions.Expect(profile.TimelineEntries.Filter(new() { HasText = "加入群“会员群”" })).ToHaveCountAsync(1);
        Assert.Equal(1, (await GroupAsync(group.Id)).MemberCount);

        // The group page: the count rose, follows the records (read-only), and the member is listed.
        var groupPage = new GroupPage(page, server.BaseUrl);
        await groupPage.OpenAsync(group.Id);
        await Assertions.Expect(page.Locator(".group-badges")).ToContainTextAsync("1 / 200");
        await Assertions.Expect(groupPage.MemberCount).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(page.Locator("[data-testid=group-member] [data-testid=member-badge]"))
            .ToHaveAttributeAsync("data-member-no", member.MemberNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();

        // The manager: full phone; the blacklist needs a reason; the header turns red; the blacklist page lists the member.
        var managerPage = await chromium.NewPageAsync();
        await new LoginPage(managerPage, server.BaseUrl).SignInAsync(ManagerEmail, Password);
        var asManager = new MemberProfilePage(managerPage, server.BaseUrl);
        await asManager.OpenAsync(member.Id);
        await Assertions.Expect(asManager.Phone).ToHaveTextAsync("13812345678");

        await asManager.BlacklistAsync(null);
        await Assertions.Expect(asManager.FieldMessage("blacklist-reason")).ToContainTextAsync("拉黑原因");
        await asManager.BlacklistAsync("群内发广告");
        await Assertions.Expect(asManager.Header).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bblacklisted\\b"));
        await Assertions.Expect(asManager.BlacklistBanner).ToContainTextAsync("群内发广告");
        await Assertions.Expect(asManager.BlacklistBanner).ToContainTextAsync("李经理");
        await Screenshots.TakeAsync(managerPage, "member-profile-blacklisted-zh");

        var blacklist = new PortalPage(managerPage, server.BaseUrl);
        await blacklist.GotoAsync("/members/blacklist");
        var row = managerPage.Locator("[data-testid=blacklist-grid] tbody tr").Filter(new() { HasText = "群内发广告" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("member-badge")).ToHaveAttributeAsync("data-member-no", member.MemberNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row).ToContainTextAsync("李经理");
        await Screenshots.TakeAsync(managerPage, "member-blacklist-zh");

        await row.GetByTestId("blacklist-lift").ClickAsync();
        await blacklist.Dialog.Locator("#lift-note").FillAsync("误判，已核实");
        await blacklist.Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(managerPage.GetByTestId("blacklist-empty")).ToBeVisibleAsync();

        await asManager.OpenAsync(member.Id);
        await Assertions.Expect(asManager.BlacklistBanner).ToHaveCountAsync(0);
        await Assertions.Expect(asManager.TimelineEntries.First).ToHaveAttributeAsync("data-kind", "BlacklistLifted");
        await Assertions.Expect(asManager.TimelineEntries.First).ToContainTextAsync("误判，已核实");
        Assert.Equal(MemberStatus.Active, (await MemberAsync(member.Id)).Status);
        await managerPage.Context.CloseAsync();
    }

    private async Task<(MemberHeader Member, GroupDto Group)> SeedAsync()
    {
        _ = server.BaseUrl;
        using var scope = server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var member = await services.GetRequiredService<MemberService>()
            .CreateAsync(new MemberInput { Nickname = "王小明", Phone = "13812345678" }, new MemberActor("seed", "导入"));
        var tags = services.GetRequiredService<TagService>();
        var tagGroup = await tags.CreateGroupAsync(new TagGroupInput { Name = "意向产品", Kind = TagGroupKind.Attribute });
        await tags.CreateTagAsync(new TagInput { TagGroupId = tagGroup.Id, Name = "高意向", Colour = "#E53935" });
        var group = await services.GetRequiredService<GroupService>()
            .CreateAsync(new GroupInput { Name = "会员群", Status = GroupStatus.Open, Capacity = 200, Lifetime = GroupLifetime.LongTerm });
        return (member, group);
    }

    private async Task<GroupDto> GroupAsync(int id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GroupService>().GetAsync(id);
    }

    private async Task<MemberHeader> MemberAsync(int id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MemberService>().GetAsync(id);
    }
}
