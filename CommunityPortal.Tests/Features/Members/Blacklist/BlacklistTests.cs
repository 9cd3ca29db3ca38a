using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Members.Blacklist;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using CommunityPortal.Tests.Features.Members.Profile;

namespace CommunityPortal.Tests.Features.Members.Blacklist;

public sealed class BlacklistTests : ProfileComponentTestBase
{
    [Fact]
    public async Task Blacklist_WithoutAReason_IsRefusedUnderTheField_ThenWithOneTurnsTheHeaderRed()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync("广告号");
        SignInAsManager("李经理");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));

        cut.WaitForElement("[data-testid=blacklist]").Click();
        dialogs.WaitForElement("#blacklist-reason");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("拉黑原因", dialogs.FieldMessage("blacklist-reason")));
        Assert.Equal(MemberStatus.Active, (await Get<MemberService>().GetAsync(member.Id)).Status);

        dialogs.Find("#blacklist-reason").Change("群内发广告");
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("blacklisted", cut.Find("[data-testid=member-header]").ClassList));
        Assert.Contains("群内发广告", cut.Find("[data-testid=blacklist-banner]").TextContent);
        Assert.Contains("李经理", cut.Find("[data-testid=blacklist-banner]").TextContent);
        var saved = await Get<MemberService>().GetAsync(member.Id);
        Assert.Equal((MemberStatus.Blacklisted, "群内发广告", "李经理"), (saved.Status, saved.BlacklistReason, saved.BlacklistedByName));
        cut.WaitForAssertion(() => Assert.Equal("Blacklisted", cut.FindAll("[data-testid=timeline-entry]")[0].GetAttribute("data-kind")));
    }

    [Fact]
    public async Task Blacklist_NeedsTheManageRole_EvenWhenTheDialogOrActionIsReachedAnotherWay()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync("广告号");
        SignInAsOperator();

        var dialog = Render<MudDialogProvider>();
        await dialog.InvokeAsync(() => Services.GetRequiredService<IDialogService>()
            .ShowAsync<BlacklistDialog>("", new DialogParameters<BlacklistDialog> { { d => d.Member, member } }));
        dialog.WaitForElement("#blacklist-reason").Change("群内发广告");
        dialog.Find("form").Submit();
        var viaAction = await Get<MemberActions>().BlacklistAsync(member);

        dialog.WaitForAssertion(() => Assert.Contains("你没有执行此操作的权限。", dialog.Find("[data-testid=form-error]").TextContent));
        Assert.Null(viaAction);
        Assert.Contains("你没有执行此操作的权限。", Notified);
        Assert.Equal(MemberStatus.Active, (await Get<MemberService>().GetAsync(member.Id)).Status);
    }

    [Fact]
    public async Task BlacklistPage_ListsWhoWhyByWhomAndWhen_AndAManagerLiftsIt()
    {
        using var culture = Chinese();
        var spammer = await SeedMemberAsync("广告号");
        await SeedMemberAsync("王小明", phone: "13912345678");
        var blacklisted = await Get<MemberService>().BlacklistAsync(spammer.Id, "群内发广告", new MemberActor("user-li", "李经理"));
        SignInAsManager();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<BlacklistPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=member-badge]")));
        var badge = cut.Find("[data-testid=member-badge]");
        Assert.Contains("blacklisted", badge.ClassList);
        Assert.Equal(ProfileLabels.No(spammer.MemberNo), badge.GetAttribute("data-member-no"));
        Assert.Equal($"members/{spammer.Id}", badge.QuerySelector("a")!.GetAttribute("href"));
        var row = cut.Find("[data-testid=blacklist-grid] tbody tr").TextContent;
        Assert.Contains("群内发广告", row);
        Assert.Contains("李经理", row);
        Assert.Contains(ProfileLabels.Time(blacklisted.BlacklistedAt!.Value), row);

        cut.Find("[data-testid=blacklist-lift]").Click();
        dialogs.WaitForElement("#lift-note").Change("误判");
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=blacklist-empty]")));
        Assert.Equal(MemberStatus.Active, (await Get<MemberService>().GetAsync(spammer.Id)).Status);
    }

    [Fact]
    public async Task BlacklistPage_ForAnOperator_HasNoLiftAction()
    {
        using var culture = Chinese();
        var spammer = await SeedMemberAsync("广告号");
        await Get<MemberService>().BlacklistAsync(spammer.Id, "群内发广告", Xiaowang);
        SignInAsOperator();

        var cut = Render<BlacklistPage>();

        cut.WaitForElement("[data-testid=member-badge]");
        Assert.Empty(cut.FindAll("[data-testid=blacklist-lift]"));
    }

    [Fact]
    public void MemberBadge_ShowsABlacklistedMemberInRedWithItsChip_AndAnActiveOneQuietly()
    {
        using var culture = Chinese();

        var red = Render<MemberBadge>(p => p.Add(x => x.Id, 7).Add(x => x.MemberNo, 10007).Add(x => x.Nickname, "广告号").Add(x => x.Status, MemberStatus.Blacklisted));
        var quiet = Render<MemberBadge>(p => p.Add(x => x.Id, 8).Add(x => x.MemberNo, 10008).Add(x => x.Nickname, "王小明").Add(x => x.RemarkName, "小明妈妈"));

        Assert.Contains("blacklisted", red.Find("[data-testid=member-badge]").ClassList);
        Assert.Equal("黑名单", red.Find("[data-testid=member-status]").TextContent);
        Assert.DoesNotContain("blacklisted", quiet.Find("[data-testid=member-badge]").ClassList);
        Assert.Empty(quiet.FindAll("[data-testid=member-status]"));
        Assert.Equal("10008 小明妈妈", quiet.Find("a").TextContent.Trim());
    }
}
