using Bunit;
using CommunityPortal.Features.Members.ServiceRecords;
using MudBlazor;
using CommunityPortal.Tests.Features.Members.Profile;

namespace CommunityPortal.Tests.Features.Members.ServiceRecords;

public sealed class ServiceRecordsPanelTests : ProfileComponentTestBase
{
    [Fact]
    public async Task Edit_KeepsTheEarlierText_ShownAsEdited_WithTheEarlierVersionViewable()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        SignInAsOperator("小王");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<ServiceRecordsPanel>(p => p.Add(x => x.MemberId, member.Id));

        cut.WaitForElement("#record-text").Change("想了解 3 月班的价格");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("想了解 3 月班的价格", cut.Find("[data-testid=record-text]").TextContent));
        Assert.Contains("小王", cut.Find("[data-testid=record]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=record-history]"));

        SignInAsOperator("小李");
        cut.Find("[data-testid=record-edit]").Click();
        dialogs.WaitForElement("#record-edit-text").Change("已报名 3 月班");
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("已报名 3 月班", cut.Find("[data-testid=record-text]").TextContent));
        Assert.Contains("1 个早先版本", cut.Find("[data-testid=record-history]").TextContent);
        cut.Find("[data-testid=record-history]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=record-version]").Count));
        var versions = dialogs.FindAll("[data-testid=record-version]");
        Assert.Contains("已报名 3 月班", versions[0].TextContent);
        Assert.Contains("小李", versions[0].TextContent);
        Assert.Contains("想了解 3 月班的价格", versions[1].TextContent);
        Assert.Contains("小王", versions[1].TextContent);

        var record = (await Get<ServiceRecordService>().ListAsync(member.Id)).Single();
        Assert.Equal(["想了解 3 月班的价格"], (await Get<ServiceRecordService>().HistoryAsync(record.Id)).Select(v => v.Text));
    }

    [Fact]
    public async Task Add_WithoutText_IsRefusedUnderTheField()
    {
        using var culture = Chinese();
        var member = await SeedMemberAsync();
        SignInAsOperator();
        var cut = Render<ServiceRecordsPanel>(p => p.Add(x => x.MemberId, member.Id));

        cut.WaitForElement("form").Submit();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FieldMessage("record-text")));
        Assert.Empty(await Get<ServiceRecordService>().ListAsync(member.Id));
        Assert.NotNull(cut.Find("[data-testid=records-empty]"));
    }
}
