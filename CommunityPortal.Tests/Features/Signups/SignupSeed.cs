using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Form;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>Test data for sign-ups: an activity (with its theme and series), its form, and members.</summary>
internal static class SignupSeed
{
    public static readonly MemberActor Operator = new("user-xiaowang", "小王");

    public static async Task<ActivityDto> ActivityAsync(IServiceProvider services, string name = "亲子阅读 第1期")
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "阅读 " + suffix });
        var series = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "亲子阅读 " + suffix });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, Name = name, StartDate = today.AddDays(7), EndDate = today.AddDays(14),
        });
    }

    /// <summary>A form open now, asking for a phone (required), with no questions unless <paramref name="change"/> adds them.</summary>
    public static async Task<SignupFormDto> FormAsync(IServiceProvider services, int activityId, string slug, Action<SignupFormInput>? change = null)
    {
        using var scope = services.CreateScope();
        var input = new SignupFormInput { Slug = slug, Title = "亲子阅读营报名", Intro = "每周六上午，线上共读。", AskPhone = AskPhone.Required };
        change?.Invoke(input);
        return await scope.ServiceProvider.GetRequiredService<SignupFormService>().SaveAsync(activityId, input, null);
    }

    public static SignupQuestionInput Grade(bool required = true) =>
        new() { Label = "孩子年级", Kind = QuestionKind.Choice, Options = ["一年级", "二年级", "三年级"], Required = required };

    public static SignupQuestionInput Wish(bool required = false) => new() { Label = "想读的书", Kind = QuestionKind.Text, Required = required };

    public static async Task<MemberHeader> MemberAsync(IServiceProvider services, string nickname, string? phone = null, string? unionId = null)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MemberService>().CreateAsync(
            new MemberInput { Nickname = nickname, Phone = phone, UnionId = unionId }, Operator);
    }

    public static async Task BlacklistAsync(IServiceProvider services, int memberId, string reason = "群内发广告")
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MemberService>().BlacklistAsync(memberId, reason, Operator);
    }
}
