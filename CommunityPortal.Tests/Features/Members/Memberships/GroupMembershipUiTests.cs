using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.Profile;
using MudBlazor;
using CommunityPortal.Tests.Features.Members.Profile;

namespace CommunityPortal.Tests.Features.Members.Memberships;

public sealed class GroupMembershipUiTests : ProfileComponentTestBase
{
    [Fact]
    public async Task GroupEditor_OnceTheGroupHasMembershipRecords_ShowsTheCountReadOnlyWithAHint()
    {
        using var culture = Chinese();
        var typed = await SeedOpenGroupAsync("手填群");
        var recorded = await SeedOpenGroupAsync("记录群");
        await Get<MembershipService>().JoinAsync((await SeedMemberAsync()).Id, recorded.Id, MembershipSource.Manual);
        recorded = await Get<GroupService>().GetAsync(recorded.Id);

        var free = Render<GroupEditor>(p => p.Add(x => x.Group, typed));
        var locked = Render<GroupEditor>(p => p.Add(x => x.Group, recorded));

        Assert.False(free.WaitForElement("#group-members").HasAttribute("readonly"));
        locked.WaitForAssertion(() => Assert.True(locked.Find("#group-members").HasAttribute("readonly")));
        Assert.Equal("1", locked.Find("#group-members").GetAttribute("value"));
        Assert.Contains("成员数随会员入群、退群自动更新", MemberCountField(locked).TextContent);
        Assert.DoesNotContain("成员数随会员入群、退群自动更新", MemberCountField(free).TextContent);
    }

    [Fact]
    public async Task GroupPage_ListsTheCurrentMembers_LinkingToProfiles_BlacklistedInRed()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("会员群");
        var first = await SeedMemberAsync("王小明", phone: "13812345678");
        var spammer = await SeedMemberAsync("广告号", phone: "13912345678");
        var gone = await SeedMemberAsync("已退群", phone: null);
        foreach (var member in new[] { first, spammer, gone })
        {
            await Get<MembershipService>().JoinAsync(member.Id, group.Id, MembershipSource.Manual);
        }
        await Get<MembershipService>().LeaveAsync(gone.Id, group.Id, MembershipSource.Manual);
        await Get<MemberService>().BlacklistAsync(spammer.Id, "群内发广告", Xiaowang);

        var cut = Render<GroupPage>(p => p.Add(x => x.Id, group.Id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=group-member]").Count));
        var badges = cut.FindAll("[data-testid=group-member] [data-testid=member-badge]");
        Assert.Equal([ProfileLabels.No(first.MemberNo), ProfileLabels.No(spammer.MemberNo)], badges.Select(b => b.GetAttribute("data-member-no")));
        Assert.Equal($"members/{first.Id}", badges[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("blacklisted", badges[1].ClassList);
        Assert.Contains("138****5678", cut.Find("[data-testid=group-members]").TextContent);
        Assert.Contains("共 2 人", cut.Find("[data-testid=group-members-total]").TextContent);
    }

    [Fact]
    public async Task Profile_JoinAnOpenGroup_ThenLeaveAfterConfirming_TheGroupCountFollows()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        var group = await SeedOpenGroupAsync("会员群");
        SignInAsOperator();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));

        cut.WaitForElement("[data-testid=join-group]").Click();
        dialogs.WaitForElement("#join-group");
        var picker = dialogs.FindComponent<MudAutocomplete<Option<int>>>();
        var offered = await picker.Instance.SearchFunc!("", CancellationToken.None)!;
        var option = Assert.Single(offered!, o => o.Text.StartsWith("会员群", StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(option));
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(["会员群"], cut.FindAll("[data-testid=member-group]").Select(g => g.GetAttribute("data-group"))));
        Assert.Equal(1, (await Get<GroupService>().GetAsync(group.Id)).MemberCount);
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=timeline-entry]"), e => e.GetAttribute("data-kind") == "GroupJoined"));

        cut.Find("[data-testid=leave-group]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("会员群", dialogs.Markup));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=member-groups-empty]")));
        Assert.Equal(0, (await Get<GroupService>().GetAsync(group.Id)).MemberCount);
    }

    [Fact]
    public async Task NewMemberPage_CreatesTheMember_AndShowsTheMemberNoItWasGiven()
    {
        using var culture = Chinese();
        await SeedMemberAsync("先来的");
        SignInAsOperator();
        var cut = Render<MemberNewPage>();

        cut.WaitForElement("#member-phone").Change("12345");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.InvalidInputs()));
        Assert.Empty(cut.FindAll("[data-testid=member-created]"));

        cut.Find("#member-nickname").Change("新会员");
        cut.Find("#member-phone").Change("138 0000 1111");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("10002", cut.Find("[data-testid=created-member-no]").TextContent));
        var created = await Get<MemberService>().GetByNumberAsync(10002);
        Assert.Equal(("新会员", "13800001111"), (created.Nickname, created.Phone));
    }

    private static AngleSharp.Dom.IElement MemberCountField(IRenderedComponent<GroupEditor> cut) =>
        cut.FindAll(".field").Single(f => f.QuerySelector("#group-members") is not null);
}
