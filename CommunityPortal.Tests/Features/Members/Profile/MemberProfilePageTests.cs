using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Infrastructure.Security;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Members.Profile;

public sealed class MemberProfilePageTests : ProfileComponentTestBase
{
    [Fact]
    public async Task Header_OfABlacklistedMember_IsRedWithTheReasonWhoAndWhen()
    {
        using var culture = Chinese();
        var spammer = await SeedMemberAsync("广告号");
        var blacklisted = await Get<MemberService>().BlacklistAsync(spammer.Id, "群内发广告", new MemberActor("user-li", "李经理"));
        var neighbour = await SeedMemberAsync("王小明", phone: "13912345678");

        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, spammer.Id));
        var clean = Render<MemberProfilePage>(p => p.Add(x => x.Id, neighbour.Id));

        var header = cut.WaitForElement("[data-testid=member-header]");
        Assert.Contains("blacklisted", header.ClassList);
        var banner = cut.Find("[data-testid=blacklist-banner]").TextContent;
        Assert.Contains("群内发广告", banner);
        Assert.Contains("李经理", banner);
        Assert.Contains(ProfileLabels.Time(blacklisted.BlacklistedAt!.Value), banner);
        Assert.Equal("黑名单", cut.Find("[data-testid=member-header] [data-testid=member-status]").TextContent);
        Assert.Equal(ProfileLabels.No(spammer.MemberNo), cut.Find("[data-testid=member-no]").TextContent);

        Assert.DoesNotContain("blacklisted", clean.WaitForElement("[data-testid=member-header]").ClassList);
        Assert.Empty(clean.FindAll("[data-testid=blacklist-banner]"));
    }

    [Fact]
    public async Task Phone_IsMaskedForOperators_AndFullForManagers()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync(phone: "138 1234 5678");

        SignInAsOperator();
        var asOperator = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));
        asOperator.WaitForElement("[data-testid=member-phone]");
        SignInAsManager();
        var asManager = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));

        Assert.Equal("138****5678", asOperator.Find("[data-testid=member-phone]").TextContent.Trim());
        Assert.DoesNotContain("13812345678", asOperator.Markup);
        Assert.Equal("13812345678", asManager.WaitForElement("[data-testid=member-phone]").TextContent.Trim());
    }

    [Fact]
    public async Task Viewer_ReadsTheProfile_WithoutEditTagOrBlacklistControls_AndOperatorsCannotBlacklist()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();

        SignInAs("访客", Policies.Read);
        var asViewer = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));
        asViewer.WaitForElement("[data-testid=member-header]");
        SignInAsOperator();
        var asOperator = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));
        asOperator.WaitForElement("[data-testid=member-header]");

        foreach (var control in new[] { "edit-member", "blacklist", "add-tag", "record-add", "join-group" })
        {
            Assert.Empty(asViewer.FindAll($"[data-testid={control}]"));
        }
        Assert.NotEmpty(asOperator.FindAll("[data-testid=edit-member]"));
        Assert.NotEmpty(asOperator.FindAll("[data-testid=add-tag]"));
        Assert.Empty(asOperator.FindAll("[data-testid=blacklist]"));
    }

    [Fact]
    public void UnknownId_ShowsNotFound_NotAnError()
    {
        using var culture = Chinese();

        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, 4242));

        Assert.Contains("会员不存在", cut.WaitForElement("[data-testid=member-missing]").TextContent);
    }

    [Fact]
    public async Task AddTag_FromThePickerGroupedByTagGroup_ShowsTheChipAndRemoveTakesItOff()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        await SeedTagAsync("读书会", group: "兴趣");
        await SeedTagAsync("高意向", group: "意向产品");
        SignInAsOperator();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));

        cut.WaitForElement("[data-testid=add-tag]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(["兴趣", "意向产品"],
            dialogs.FindAll("[data-testid=tag-group]").Select(g => g.GetAttribute("data-group")).Order()));
        dialogs.Find("[data-testid=tag-option][data-tag=高意向]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["高意向"], cut.FindAll("[data-testid=member-tags] [data-testid=tag-chip]").Select(c => c.GetAttribute("data-tag"))));
        Assert.Equal(["高意向"], (await Get<MemberService>().GetAsync(member.Id)).Tags.Select(t => t.Name));

        cut.Find("[data-testid=member-tags] [data-testid=tag-remove]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=member-tags] [data-testid=tag-chip]")));
        Assert.Empty((await Get<MemberService>().GetAsync(member.Id)).Tags);
    }

    [Fact]
    public async Task Edit_AfterSomeoneElseSaved_SaysSoAndReloadShowsTheirVersion()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync("王小明");
        SignInAsOperator();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));
        cut.WaitForElement("[data-testid=edit-member]").Click();
        dialogs.WaitForElement("#member-nickname");

        var theirs = ProfileForms.ToInput(member);
        theirs.Nickname = "王大明";
        await Get<MemberService>().UpdateAsync(member.Id, theirs, member.Version, Xiaowang);
        dialogs.Find("#member-nickname").Change("王二明");
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("其他人刚刚修改了该会员", dialogs.Find("[data-testid=conflict]").TextContent));
        Assert.Equal("王大明", (await Get<MemberService>().GetAsync(member.Id)).Nickname);
        dialogs.Find("[data-testid=reload]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("王大明", dialogs.Find("#member-nickname").GetAttribute("value")));
    }

    [Fact]
    public async Task Edit_ByAnOperator_KeepsTheHiddenPhone_WhenLeftAsShown()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync("王小明", phone: "13812345678");
        SignInAsOperator();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberProfilePage>(p => p.Add(x => x.Id, member.Id));
        cut.WaitForElement("[data-testid=edit-member]").Click();

        Assert.Equal("138****5678", dialogs.WaitForElement("#member-phone").GetAttribute("value"));
        dialogs.Find("#member-region").Change("杭州");
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("杭州", cut.Find("[data-testid=member-header]").TextContent));
        var saved = await Get<MemberService>().GetAsync(member.Id);
        Assert.Equal(("13812345678", "杭州"), (saved.Phone, saved.Region));
    }

    [Fact]
    public async Task SetGrowth_ChangesOnlyTheLevel_OnTheTimeline_AndAfterSomeoneElseSavedShowsTheirVersion()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync("王小明", level: GrowthLevel.C);
        SignInAsOperator();
        var actions = Get<MemberActions>();

        var saved = await actions.SetGrowthAsync(member, GrowthLevel.A);
        var theirs = ProfileForms.ToInput(saved!);
        theirs.Nickname = "王大明";
        await Get<MemberService>().UpdateAsync(member.Id, theirs, saved!.Version, Xiaowang);
        var stale = await actions.SetGrowthAsync(saved, GrowthLevel.S);

        Assert.Equal((GrowthLevel.A, "王小明", "13812345678"), (saved.GrowthLevel, saved.Nickname, saved.Phone));
        Assert.Equal((GrowthLevel.A, "王大明"), (stale!.GrowthLevel, stale.Nickname));
        Assert.Contains(Notified, m => m.Contains("其他人刚刚修改了该会员", StringComparison.Ordinal));
        var timeline = Render<MemberTimeline>(p => p.Add(x => x.MemberId, member.Id));
        timeline.WaitForAssertion(() => Assert.Contains("成长等级 C → A", timeline.Find("[data-kind=GrowthChanged]").TextContent));
    }
}
