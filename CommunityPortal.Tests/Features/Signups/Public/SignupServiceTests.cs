using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Form;
using CommunityPortal.Features.Signups.List;
using CommunityPortal.Features.Signups.Public;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Signups.Public;

/// <summary>Signing up through the service, as the public page does: who is found, who is made, who is refused, and what is written.</summary>
public sealed class SignupServiceTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();
    private int _activityId;

    private SignupService Signups => _db.Get<SignupService>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _activityId = (await SignupSeed.ActivityAsync(_db.Services)).Id;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static SignupSubmission Person(string name, string? phone, IReadOnlyDictionary<string, string?>? answers = null,
        string? channelKey = null) =>
        new() { Name = name, Phone = phone, Answers = answers ?? new Dictionary<string, string?>(), ChannelKey = channelKey };

    [Fact]
    public async Task Submit_NewPerson_GetsTheNextMemberNo_InTheSameTransaction_AndIsOnTheirTimeline()
    {
        await SignupSeed.MemberAsync(_db.Services, "老会员", "13900000001");
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");

        var result = await Signups.SubmitAsync("read1", Person("王小明", "138 1234 5678"));

        Assert.Equal(SignupOutcome.Created, result.Outcome);
        var receipt = result.Receipt!;
        Assert.Equal(10002, receipt.MemberNo);
        Assert.True(receipt.NewMember);
        var member = await _db.Get<MemberService>().GetByNumberAsync(10002);
        Assert.Equal(("王小明", "13812345678", GrowthLevel.C), (member.Nickname, member.Phone, member.GrowthLevel));
        var timeline = await _db.Get<MemberTimelineService>().GetAsync(member.Id);
        var signedUp = Assert.Single(timeline.Items, e => e.Kind == TimelineKind.SignedUp);
        Assert.Equal("亲子阅读 第1期", signedUp.Text);
        Assert.Equal(receipt.SignupId, signedUp.SourceId);
        var published = Assert.Single(_db.Published<ActivitySignedUp>());
        Assert.Equal((_activityId, member.Id, true), (published.ActivityId, published.MemberId, published.NewMember));
    }

    [Fact]
    public async Task DeletingAnActivityWithSignups_IsRefusedWithTheCount_AndKeepsThem()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        using var zh = new CultureScope("zh-CN");
        var refused = await Assert.ThrowsAsync<CommunityPortal.Infrastructure.Validation.ConflictException>(
            () => _db.Get<CommunityPortal.Features.Matrix.Activities.ActivityService>().DeleteAsync(_activityId));

        Assert.Contains("1 人报名", refused.Message);
        Assert.Equal(1, await _db.CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Submit_FromALiveCodeChannel_NewMembersFirstChannel_AndTheLiveCodeLinkKeepsTheKey()
    {
        var channel = await _db.Get<ChannelService>().CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article });
        var live = await _db.Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = "阅读群活码", Slug = "read-groups" });
        var code = await _db.Get<ChannelService>().CreateCodeAsync(live.Id, channel.Id);
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.LiveCodeId = live.Id);

        var result = await Signups.SubmitAsync("read1", Person("王小明", "13812345678", channelKey: code.Key));

        var member = await _db.Get<MemberService>().GetByNumberAsync(result.Receipt!.MemberNo);
        Assert.Equal(channel.Id, member.FirstChannelId);
        Assert.Equal(("read-groups", code.Key), (result.Receipt.LiveCodeSlug, result.Receipt.LiveCodeChannelKey));
        var row = Assert.Single((await _db.Get<SignupListService>().ListAsync(_activityId, new SignupQuery())).Items);
        Assert.Equal("公众号推文", row.ChannelName);
    }

    [Fact]
    public async Task Submit_KnownPhone_SignsUpThatMember_WithoutANewOne()
    {
        var known = await SignupSeed.MemberAsync(_db.Services, "豆豆妈妈", "13812345678");
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");

        var result = await Signups.SubmitAsync("read1", Person("李红", "+86 138-1234-5678"));

        Assert.Equal((SignupOutcome.Created, known.MemberNo, false), (result.Outcome, result.Receipt!.MemberNo, result.Receipt.NewMember));
        Assert.Equal(1, await _db.CountAsync<Member>());
    }

    [Fact]
    public async Task Submit_Twice_ShowsTheExistingSignup_AndWritesOneRow()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        var first = await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        var second = await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        Assert.Equal(SignupOutcome.Existing, second.Outcome);
        Assert.Equal((first.Receipt!.SignupId, first.Receipt.MemberNo, first.Receipt.At), (second.Receipt!.SignupId, second.Receipt.MemberNo, second.Receipt.At));
        Assert.Equal(1, await _db.CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Submit_Blacklisted_IsRefused_AndNothingIsWritten()
    {
        var spammer = await SignupSeed.MemberAsync(_db.Services, "广告号", "13700000000");
        await SignupSeed.BlacklistAsync(_db.Services, spammer.Id);
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");

        var result = await Signups.SubmitAsync("read1", Person("张三", "137 0000 0000"));

        Assert.Equal(SignupOutcome.Blacklisted, result.Outcome);
        Assert.Null(result.Receipt);
        Assert.Equal(0, await _db.CountAsync<ActivitySignup>());
        Assert.Equal(1, await _db.CountAsync<Member>());
        Assert.Empty(_db.Published<ActivitySignedUp>());
    }

    [Theory]
    [InlineData(1, null, SignupOutcome.NotOpen)]
    [InlineData(-2, -1, SignupOutcome.Closed)]
    public async Task Submit_OutsideTheWindow_IsRefused_AndNoMemberIsMade(int opensInHours, int? closesInHours, SignupOutcome expected)
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f =>
        {
            f.OpensAt = DateTime.UtcNow.AddHours(opensInHours);
            f.ClosesAt = closesInHours is { } h ? DateTime.UtcNow.AddHours(h) : null;
        });

        var result = await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(0, await _db.CountAsync<Member>());
        Assert.Equal(0, await _db.CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Submit_WhenFull_IsRefused_ButSomeoneAlreadySignedUpStillSeesTheirs()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.Capacity = 1);
        await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        var late = await Signups.SubmitAsync("read1", Person("李红", "13912345678"));
        var again = await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));

        Assert.Equal(SignupOutcome.Full, late.Outcome);
        Assert.Equal(SignupOutcome.Existing, again.Outcome);
        Assert.Equal(1, await _db.CountAsync<Member>());
        Assert.Equal(SignupOutcome.Full, await Signups.RefusalAsync((await _db.Get<SignupFormService>().GetAsync(_activityId))!));
    }

    [Fact]
    public async Task Submit_Invalid_NamesEachField_InChinese_AndWritesNothing()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish(required: true)]);
        using var zh = new CultureScope("zh-CN");

        var result = await Signups.SubmitAsync("read1", Person(" ", "12345", new Dictionary<string, string?> { ["q1"] = "四年级" }));

        Assert.Equal(SignupOutcome.Invalid, result.Outcome);
        var errors = result.Errors!;
        Assert.Equal(["姓名不能为空。"], errors["Name"]);
        Assert.Equal(["手机号须是 11 位中国大陆手机号，如 138 1234 5678。"], errors["Phone"]);
        Assert.Equal(["“孩子年级”的回答不是可选的选项。"], errors["Answers.q1"]);
        Assert.Equal(["请填写“想读的书”。"], errors["Answers.q2"]);
        Assert.Equal(0, await _db.CountAsync<Member>());
    }

    [Fact]
    public async Task Submit_PhoneOffOrOptional_FollowsTheSetting()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.AskPhone = AskPhone.Optional);
        var other = (await SignupSeed.ActivityAsync(_db.Services, "第2期")).Id;
        await SignupSeed.FormAsync(_db.Services, other, "read2", f => f.AskPhone = AskPhone.Off);

        var optional = await Signups.SubmitAsync("read1", Person("王小明", null));
        var off = await Signups.SubmitAsync("read2", Person("李红", "not a phone"));

        Assert.Equal(SignupOutcome.Created, optional.Outcome);
        Assert.Equal(SignupOutcome.Created, off.Outcome);
        var row = Assert.Single((await _db.Get<SignupListService>().ListAsync(other, new SignupQuery())).Items);
        Assert.Null(row.MaskedPhone);
    }

    [Fact]
    public async Task Submit_AnswersAreKept_WithTheirQuestionsLabels()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);

        await Signups.SubmitAsync("read1", Person("王小明", "13812345678", new Dictionary<string, string?> { ["q1"] = "二年级", ["q2"] = " 西游记 " }));

        var row = Assert.Single((await _db.Get<SignupListService>().ListAsync(_activityId, new SignupQuery())).Items);
        Assert.Equal([new SignupAnswer("q1", "孩子年级", "二年级"), new SignupAnswer("q2", "想读的书", "西游记")], row.Answers);
        Assert.Equal("138****5678", row.MaskedPhone);
    }

    [Fact]
    public async Task Create_ByMemberNo_ForTheApi_UsesTheMembersNameAndPhone_AndUnknownNumbersAreNamed()
    {
        var member = await SignupSeed.MemberAsync(_db.Services, "豆豆妈妈", "13812345678");
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");

        var result = await Signups.CreateAsync(_activityId, new SignupSubmission { MemberNo = member.MemberNo }, SignupSeed.Operator);
        var unknown = await Signups.CreateAsync(_activityId, new SignupSubmission { MemberNo = 99999 }, SignupSeed.Operator);

        Assert.Equal(SignupOutcome.Created, result.Outcome);
        var row = Assert.Single((await _db.Get<SignupListService>().ListAsync(_activityId, new SignupQuery())).Items);
        Assert.Equal(("豆豆妈妈", "138****5678"), (row.Name, row.MaskedPhone));
        Assert.Equal(SignupOutcome.Invalid, unknown.Outcome);
        Assert.True(unknown.Errors!.ContainsKey("MemberNo"));
    }

    [Fact]
    public async Task Marks_RecordWhoAndWhen_CanBeCleared_AndAreCounted()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1", f => f.Capacity = 10);
        var signupId = (await Signups.SubmitAsync("read1", Person("王小明", "13812345678"))).Receipt!.SignupId;
        await Signups.SubmitAsync("read1", Person("李红", "13912345678"));
        var list = _db.Get<SignupListService>();

        var checkedIn = await list.SetCheckedInAsync(_activityId, signupId, true, SignupSeed.Operator);
        var completed = await list.SetCompletedAsync(_activityId, signupId, true, new MemberActor("user-xiaoli", "小李"));
        var again = await list.SetCheckedInAsync(_activityId, signupId, true, new MemberActor("user-xiaoli", "小李"));

        Assert.Equal("小王", checkedIn.CheckedInByName);
        Assert.NotNull(checkedIn.CheckedInAt);
        Assert.Equal(("小李", "小王"), (completed.CompletedByName, again.CheckedInByName));
        Assert.Equal(new SignupCounts(2, 1, 1, 10), await list.CountAsync(_activityId));
        var cleared = await list.SetCheckedInAsync(_activityId, signupId, false, SignupSeed.Operator);
        Assert.Equal((null, null), (cleared.CheckedInAt, cleared.CheckedInByName));
        Assert.Equal(new SignupCounts(2, 0, 1, 10), await list.CountAsync(_activityId));
        var member = (await list.ListAsync(_activityId, new SignupQuery { Search = "王小明" })).Items.Single().MemberId;
        var kinds = (await _db.Get<MemberTimelineService>().GetAsync(member)).Items.Select(e => e.Kind).ToList();
        Assert.Contains(TimelineKind.Completed, kinds);
        Assert.DoesNotContain(TimelineKind.CheckedIn, kinds);
    }

    [Fact]
    public async Task Marks_OnAnotherActivitysSignup_AreNotFound()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        var signupId = (await Signups.SubmitAsync("read1", Person("王小明", "13812345678"))).Receipt!.SignupId;

        await Assert.ThrowsAsync<CommunityPortal.Infrastructure.Validation.NotFoundException>(() =>
            _db.Get<SignupListService>().SetCheckedInAsync(_activityId + 1000, signupId, true, SignupSeed.Operator));
    }

    [Theory]
    [InlineData("13812345678", "王小明")]
    [InlineData("5678", "王小明")]
    [InlineData("10002", "李红")]
    [InlineData("李", "李红")]
    public async Task List_Search_FindsByPhoneTailMemberNoOrName(string search, string expected)
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        await Signups.SubmitAsync("read1", Person("王小明", "13812345678"));
        await Signups.SubmitAsync("read1", Person("李红", "13912340000"));

        var page = await _db.Get<SignupListService>().ListAsync(_activityId, new SignupQuery { Search = search });

        Assert.Equal(expected, Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task List_IsNewestFirst_AndPaged()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        foreach (var i in Enumerable.Range(0, 5))
        {
            await Signups.SubmitAsync("read1", Person($"家长{i}", $"1381234000{i}"));
        }

        var page = await _db.Get<SignupListService>().ListAsync(_activityId, new SignupQuery { Skip = 1, Take = 2 });

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["家长3", "家长2"], page.Items.Select(s => s.Name));
    }

    [Fact]
    public async Task DeletingAMember_TakesTheirSignupsAlong_AndAnActivityWithSignupsCannotBeDeleted()
    {
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");
        var receipt = (await Signups.SubmitAsync("read1", Person("王小明", "13812345678"))).Receipt!;

        await Assert.ThrowsAsync<CommunityPortal.Infrastructure.Validation.ConflictException>(() => _db.Get<CommunityPortal.Features.Matrix.Activities.ActivityService>().DeleteAsync(_activityId));
        await _db.Get<MemberService>().DeleteAsync(receipt.MemberId);

        Assert.Equal(0, await _db.CountAsync<ActivitySignup>());
        await using var db = _db.CreateDbContext();
        Assert.True(await db.Set<CommunityPortal.Features.Matrix.Activity>().AnyAsync(a => a.Id == _activityId));
    }

    [Fact]
    public async Task Submit_WithATrustedUnionId_ForAMemberFoundByPhone_KeepsTheUnionId_ButNeverReplacesOne()
    {
        var byPhone = await SignupSeed.MemberAsync(_db.Services, "小雨妈妈", "13812345678");
        var withUnion = await SignupSeed.MemberAsync(_db.Services, "豆豆爸爸", "13812345679", "o6_bmjrPTlm6_2sgVt7hMZOPfAAA");
        await SignupSeed.FormAsync(_db.Services, _activityId, "read1");

        var first = await Signups.SubmitAsync("read1", Person("小雨妈妈", "13812345678") with { UnionId = "o6_bmjrPTlm6_2sgVt7hMZOPfBBB" });
        var second = await Signups.SubmitAsync("read1", Person("豆豆爸爸", "13812345679") with { UnionId = "o6_bmjrPTlm6_2sgVt7hMZOPfCCC" });

        Assert.Equal(SignupOutcome.Created, first.Outcome);
        Assert.Equal(SignupOutcome.Created, second.Outcome);
        var members = _db.Get<MemberService>();
        var updated = await members.GetAsync(byPhone.Id);
        Assert.Equal("o6_bmjrPTlm6_2sgVt7hMZOPfBBB", updated.UnionId);
        Assert.Equal(byPhone.Version + 1, updated.Version);
        Assert.Equal("o6_bmjrPTlm6_2sgVt7hMZOPfAAA", (await members.GetAsync(withUnion.Id)).UnionId);
    }
}
