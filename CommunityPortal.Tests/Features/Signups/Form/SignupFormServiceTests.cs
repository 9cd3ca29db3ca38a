using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Form;

namespace CommunityPortal.Tests.Features.Signups.Form;

/// <summary>The sign-up form as operators write it: each field's rule, its message, and question keys that last.</summary>
public sealed class SignupFormServiceTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();
    private int _activityId;

    private SignupFormService Forms => _db.Get<SignupFormService>();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _activityId = (await SignupSeed.ActivityAsync(_db.Services)).Id;
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static SignupFormInput Valid() => new() { Slug = "read1", Title = "亲子阅读营报名", AskPhone = AskPhone.Required };

    private async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(Action<SignupFormInput> change)
    {
        var input = Valid();
        change(input);
        using var zh = new CultureScope("zh-CN");
        return (await Assert.ThrowsAsync<PortalValidationException>(() => Forms.SaveAsync(_activityId, input, null))).Errors;
    }

    [Fact]
    public async Task Save_NewForm_ThenGetBySlug_ReadsItBack()
    {
        var saved = await Forms.SaveAsync(_activityId, Valid(), null);

        var bySlug = await Forms.GetBySlugAsync("read1");

        Assert.Equal(saved with { Questions = [] }, bySlug! with { Questions = [] });
        Assert.Equal(("亲子阅读 第1期", 1), (saved.ActivityName, saved.Version));
        Assert.Null(await Forms.GetBySlugAsync("READ1"));
    }

    [Fact]
    public async Task Save_ClosesNotAfterOpens_IsRefusedOnClosesAt()
    {
        var at = DateTime.UtcNow.AddDays(1);

        var errors = await ErrorsAsync(f => (f.OpensAt, f.ClosesAt) = (at, at));

        Assert.Equal(["截止时间须晚于开始时间。"], errors["ClosesAt"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public async Task Save_CapacityOutOfRange_IsRefused(int capacity)
    {
        var errors = await ErrorsAsync(f => f.Capacity = capacity);

        Assert.Equal(["名额必须在 1 到 100000 之间。"], errors["Capacity"]);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Read1")]
    [InlineData("读书")]
    [InlineData("read/1")]
    public async Task Save_SlugNotUrlSafe_IsRefused(string slug)
    {
        var errors = await ErrorsAsync(f => f.Slug = slug);

        Assert.Equal(["链接标识只能使用小写字母、数字和短横线，长度 3 到 32 个字符。"], errors["Slug"]);
    }

    [Fact]
    public async Task Save_SlugOfAnotherForm_IsRefused()
    {
        var other = (await SignupSeed.ActivityAsync(_db.Services, "第2期")).Id;
        await Forms.SaveAsync(other, Valid(), null);

        var errors = await ErrorsAsync(_ => { });

        Assert.Equal(["链接标识已被另一个报名表使用。"], errors["Slug"]);
    }

    [Fact]
    public async Task Save_BadQuestions_NameTheQuestionsNumber()
    {
        var errors = await ErrorsAsync(f => f.Questions =
        [
            new SignupQuestionInput { Label = " ", Kind = QuestionKind.Text },
            new SignupQuestionInput { Label = "年级", Kind = QuestionKind.Choice, Options = ["一年级"] },
            new SignupQuestionInput { Label = "城市", Kind = QuestionKind.Choice, Options = ["北京", "北京"] },
            new SignupQuestionInput { Label = "年级", Kind = QuestionKind.Text },
        ]);

        Assert.Equal(
        [
            "第 1 个问题还没有填写题目。", "第 2 个问题是单选题，须有 2 到 20 个选项。", "第 3 个问题有重复的选项。", "第 4 个问题与前面的问题重复。",
        ], errors["Questions"]);
    }

    [Fact]
    public async Task Save_MoreThanTenQuestions_IsRefused()
    {
        var errors = await ErrorsAsync(f => f.Questions = [.. Enumerable.Range(1, 11).Select(i => new SignupQuestionInput { Label = $"问题{i}" })]);

        Assert.Equal(["自定义问题最多 10 条。"], errors["Questions"]);
    }

    [Fact]
    public async Task Save_UnknownLiveCode_IsRefused()
    {
        var errors = await ErrorsAsync(f => f.LiveCodeId = 999);

        Assert.Equal(["报名后展示的活码不存在。"], errors["LiveCodeId"]);
    }

    [Fact]
    public async Task Edit_KeepsTheKeysOfKeptQuestions_AndNeverReusesOne()
    {
        var input = Valid();
        input.Questions = [SignupSeed.Grade(), SignupSeed.Wish()];
        var first = await Forms.SaveAsync(_activityId, input, null);
        Assert.Equal(["q1", "q2"], first.Questions.Select(q => q.Key));

        input.Questions =
        [
            new SignupQuestionInput { Key = "q2", Label = "最想读的书", Kind = QuestionKind.Text },
            new SignupQuestionInput { Key = "q1", Label = "孩子年级", Kind = QuestionKind.Choice, Options = ["一年级", "二年级"] },
            new SignupQuestionInput { Label = "城市", Kind = QuestionKind.Text },
        ];
        var second = await Forms.SaveAsync(_activityId, input, first.Version);

        Assert.Equal(["q2", "q1", "q3"], second.Questions.Select(q => q.Key));
        Assert.Equal("最想读的书", second.Questions[0].Label);
        Assert.Equal(["一年级", "二年级"], second.Questions[1].Options);
    }

    [Fact]
    public async Task Edit_WithAnOldVersion_OrCreateWhenOneExists_IsAConflict()
    {
        var first = await Forms.SaveAsync(_activityId, Valid(), null);
        var changed = Valid();
        changed.Title = "亲子阅读营（第二轮）";
        await Forms.SaveAsync(_activityId, changed, first.Version);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Forms.SaveAsync(_activityId, Valid(), first.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Forms.SaveAsync(_activityId, Valid(), null));
    }

    [Fact]
    public async Task Save_ForAMissingActivity_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Forms.SaveAsync(_activityId + 1000, Valid(), null));
    }

    [Fact]
    public async Task SuggestSlug_SkipsTakenOnes_AndTheLiveCodeIsShownBySlug()
    {
        var live = await _db.Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = "阅读群活码", Slug = "read-groups" });
        var input = Valid();
        input.Slug = $"act{_activityId}";
        input.LiveCodeId = live.Id;
        var other = (await SignupSeed.ActivityAsync(_db.Services, "第2期")).Id;
        var form = await Forms.SaveAsync(other, input, null);

        Assert.Equal($"act{_activityId}-2", await Forms.SuggestSlugAsync(_activityId));
        Assert.Equal("read-groups", form.LiveCodeSlug);
    }
}
