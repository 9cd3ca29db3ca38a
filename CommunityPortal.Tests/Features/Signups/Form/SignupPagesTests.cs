using Bunit;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Form;
using CommunityPortal.Features.Signups.List;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Signups.Form;

/// <summary>The form editor (/activities/{id}/signup) and the public link panel it shares with the list.</summary>
public sealed class SignupPagesTests : ComponentTest
{
    [Fact]
    public async Task Editor_NewForm_IsPrefilledFromTheActivity_AndSavingShowsThePublicLinkAndQr()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        var cut = Render<SignupFormPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Equal($"act{activity.Id}", cut.Find("#su-slug").GetAttribute("value")));
        Assert.Equal("亲子阅读 第1期", cut.Find("#su-title").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=signup-link]"));

        cut.Find("[data-testid=add-question]").Click();
        cut.Find("#q-label-0").Change("孩子年级");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=saved]"));
        Assert.EndsWith($"/s/act{activity.Id}", cut.Find("#signup-url").GetAttribute("value"));
        Assert.Contains("render/qr.png?url=", cut.Find("[data-testid=signup-qr]").GetAttribute("src"));
        Assert.Equal($"s/act{activity.Id}?preview=1", cut.Find("[data-testid=preview]").GetAttribute("href"));
        var form = await Get<SignupFormService>().GetAsync(activity.Id);
        Assert.Equal(["孩子年级"], form!.Questions.Select(q => q.Label));
        Assert.Equal(AskPhone.Required, form.AskPhone);
    }

    [Fact]
    public async Task PublicLink_CarriesThePortalsPublicAddress_WhenOneIsSet()
    {
        using var culture = Chinese();
        PublicAddressSetting.PublicBaseUrl = "https://qun.example.com/";
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1");

        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));

        cut.WaitForAssertion(() => Assert.Equal("https://qun.example.com/s/read1", cut.Find("#signup-url").GetAttribute("value")));
        Assert.Contains(Uri.EscapeDataString("https://qun.example.com/s/read1"), cut.Find("[data-testid=signup-qr]").GetAttribute("src"));
    }

    [Fact]
    public async Task Editor_RefusedFields_ShowTheirMessagesUnderThem_AndNothingIsSaved()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        var cut = Render<SignupFormPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => cut.Find("#su-slug"));

        cut.Find("#su-slug").Change("Bad Slug");
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<int?>>().Instance.ValueChanged.InvokeAsync(0));
        cut.Find("[data-testid=add-question]").Click();
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("链接标识只能使用小写字母", cut.Markup));
        Assert.Contains("名额必须在 1 到 100000 之间。", cut.Markup);
        Assert.Contains("第 1 个问题还没有填写题目。", cut.Markup);
        Assert.Null(await Get<SignupFormService>().GetAsync(activity.Id));
    }

    [Fact]
    public async Task Editor_TypedDatesAndTimes_AreTheTeamsWallClock_AndAClosingBeforeTheOpeningIsShownUnderIt()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        var cut = Render<SignupFormPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => cut.Find("#su-opens"));

        cut.Find("#su-opens").Change("2026/12/1");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#su-opens-time").HasAttribute("disabled")));
        cut.Find("#su-opens-time").Change("09:30");
        cut.Find("#su-closes").Change("2026/11/30");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("截止时间须晚于开始时间。", cut.Markup));
        Assert.Equal("true", cut.Find("#su-closes").GetAttribute("aria-invalid"));
        Assert.Null(await Get<SignupFormService>().GetAsync(activity.Id));

        cut.Find("#su-closes").Change("2026/12/20");
        cut.WaitForAssertion(() => Assert.DoesNotContain("截止时间须晚于开始时间。", cut.Markup));
        cut.Find("#su-closes-time").Change("20:00");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=saved]"));
        var form = await Get<SignupFormService>().GetAsync(activity.Id);
        Assert.Equal(PortalTime.ToUtc(new DateTime(2026, 12, 1, 9, 30, 0)), form!.OpensAt);
        Assert.Equal(PortalTime.ToUtc(new DateTime(2026, 12, 20, 20, 0, 0)), form.ClosesAt);
        Assert.Equal("09:30", cut.Find("#su-opens-time").GetAttribute("value"));
    }
}
