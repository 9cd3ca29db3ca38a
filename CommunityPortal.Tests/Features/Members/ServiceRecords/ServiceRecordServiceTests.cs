using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;

namespace CommunityPortal.Tests.Features.Members.ServiceRecords;

public sealed class ServiceRecordServiceTests : MemberTestBase
{
    [Fact]
    public async Task Edit_KeepsEveryEarlierText_WithWhoWroteItAndWhen()
    {
        var member = await CreateMemberAsync("豆豆妈妈");
        var first = await Records.AddAsync(member.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Consultation, Text = "问课程时间" }, Xiaowang);
        var second = await Records.EditAsync(first.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Consultation, Text = "问课程时间，已发课表" }, first.Version, Xiaoli);

        var third = await Records.EditAsync(second.Id, new ServiceRecordInput { Kind = ServiceRecordKind.FollowUp, Text = "三天后回访：已报名" }, second.Version, Xiaozhang);

        Assert.Equal(("三天后回访：已报名", ServiceRecordKind.FollowUp, "小王", "小张", 2),
            (third.Text, third.Kind, third.AuthorName, third.EditedByName, third.RevisionCount));
        var history = await Records.HistoryAsync(first.Id);
        Assert.Equal(["问课程时间，已发课表", "问课程时间"], history.Select(h => h.Text));
        Assert.Equal(["小李", "小王"], history.Select(h => h.WrittenByName));
        Assert.Equal(first.CreatedAt, history[1].WrittenAt);
        Assert.Equal(second.EditedAt, history[0].WrittenAt);
        Assert.Equal(ServiceRecordKind.Consultation, history[0].Kind);
    }

    [Fact]
    public async Task Edit_WithTheSameText_KeepsNoRevision()
    {
        var member = await CreateMemberAsync("豆豆妈妈");
        var record = await Records.AddAsync(member.Id, new ServiceRecordInput { Text = "问课程时间" }, Xiaowang);

        var same = await Records.EditAsync(record.Id, new ServiceRecordInput { Text = "  问课程时间 " }, record.Version, Xiaoli);

        Assert.Equal((0, null), (same.RevisionCount, same.EditedByName));
    }

    [Fact]
    public async Task Edit_OnAnOldVersion_IsAConflict_AndKeepsTheOtherEdit()
    {
        var member = await CreateMemberAsync("豆豆妈妈");
        var record = await Records.AddAsync(member.Id, new ServiceRecordInput { Text = "原文" }, Xiaowang);
        await Records.EditAsync(record.Id, new ServiceRecordInput { Text = "小李改的" }, record.Version, Xiaoli);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Records.EditAsync(record.Id, new ServiceRecordInput { Text = "小张改的" }, record.Version, Xiaozhang));

        Assert.Equal("小李改的", (await Records.GetAsync(record.Id)).Text);
        Assert.Single(await Records.HistoryAsync(record.Id));
    }

    [Theory]
    [InlineData("zh-CN", "内容不能为空")]
    [InlineData("en", "Text")]
    public async Task Add_WithoutText_NamesTheTextField(string culture, string expected)
    {
        var member = await CreateMemberAsync("豆豆妈妈");
        using var _ = new CultureScope(culture);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Records.AddAsync(member.Id, new ServiceRecordInput { Text = "" }, Xiaowang));

        Assert.Contains(expected, ex.Errors["Text"][0]);
    }

    [Fact]
    public async Task Add_TooLong_NamesTheTextField()
    {
        var member = await CreateMemberAsync("豆豆妈妈");

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Records.AddAsync(member.Id, new ServiceRecordInput { Text = new string('字', ServiceRecord.TextMax + 1) }, Xiaowang));

        Assert.Contains("Text", ex.Errors.Keys);
    }

    [Fact]
    public async Task Records_AreListedNewestFirst_AndOnTheTimelineEditedMarked()
    {
        var member = await CreateMemberAsync("豆豆妈妈");
        var complaint = await Records.AddAsync(member.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Complaint, Text = "直播卡顿" }, Xiaowang);
        await Records.AddAsync(member.Id, new ServiceRecordInput { Kind = ServiceRecordKind.FollowUp, Text = "已补发回放" }, Xiaoli);
        await Records.EditAsync(complaint.Id, new ServiceRecordInput { Kind = ServiceRecordKind.Complaint, Text = "直播卡顿（周三晚）" }, complaint.Version, Xiaowang);

        Assert.Equal(["已补发回放", "直播卡顿（周三晚）"], (await Records.ListAsync(member.Id)).Select(r => r.Text));
        var entries = (await Timeline.GetAsync(member.Id)).Items.Where(e => e.Kind == TimelineKind.ServiceRecord).ToList();
        Assert.Equal([(ServiceRecordKind.FollowUp, false), (ServiceRecordKind.Complaint, true)], entries.Select(e => (e.RecordKind!.Value, e.Edited)));
    }
}
