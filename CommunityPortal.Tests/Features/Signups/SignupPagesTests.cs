using Bunit;
using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Pages;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>The operator pages: the form editor (/activities/{id}/signup) and the sign-ups list (/activities/{id}/signups).</summary>
public sealed class SignupPagesTests : PortalComponentTestBase
{
    // Unset unless a test sets it before the first render (PublicAddress reads it once).
    private readonly PublicAddressOptions _publicAddress = new();

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddLiveCodes();
        services.AddMembers();
        services.AddSignups();
        services.AddSingleton(_ => new PublicAddress(Options.Create(_publicAddress)));
    }

    private T Get<T>() where T : notnull => Services.GetRequiredService<T>();

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
        _publicAddress.PublicBaseUrl = "https://qun.example.com/";
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

    [Fact]
    public async Task List_ShowsCountsAndRows_AndAnEditorMarksCheckInWithWhoAndWhen()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1", f => (f.Capacity, f.Questions) = (30, [SignupSeed.Grade()]));
        var signups = Get<SignupService>();
        await signups.SubmitAsync("read1", new SignupSubmission
        {
            Name = "王小明", Phone = "13812345678", Answers = new Dictionary<string, string?> { ["q1"] = "二年级" },
        });
        await signups.SubmitAsync("read1", new SignupSubmission
        {
            Name = "李红", Phone = "13912345678", Answers = new Dictionary<string, string?> { ["q1"] = "一年级" },
        });

        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-link]").Count));

        Assert.Equal("2", cut.Find("[data-testid=count-signedup]").TextContent);
        Assert.Equal($"activities/{activity.Id}/signups.csv", cut.Find("[data-testid=export-signups]").GetAttribute("href"));
        Assert.Contains("30", cut.Find("[data-testid=count-capacity]").TextContent);
        var first = cut.FindAll("tbody tr")[0];
        Assert.Contains("139****5678", first.TextContent);
        Assert.Contains("孩子年级: 一年级", first.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Equal("members/" + (await Get<MemberService>().GetByNumberAsync(10002)).Id, cut.FindAll("[data-testid=member-link]")[0].GetAttribute("href"));

        cut.FindAll("[data-testid=checkin] input[type=checkbox]")[0].Change(true);

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=count-checkedin]").TextContent));
        Assert.Contains("manager@example.com", cut.Find("[data-testid=checkin-by]").TextContent);
        var row = (await Get<SignupListService>().ListAsync(activity.Id, new SignupQuery { Search = "李红" })).Items.Single();
        Assert.NotNull(row.CheckedInAt);
    }

    [Fact]
    public async Task List_AMarkOnASignupRemovedMeanwhile_IsRefusedInAToast_AndTheListReloads()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1");
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "王小明", Phone = "13812345678" });
        var toasts = Render<MudSnackbarProvider>();
        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=member-link]")));
        await using (var db = await Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Set<ActivitySignup>().ExecuteDeleteAsync();
        }

        cut.Find("[data-testid=checkin] input[type=checkbox]").Change(true);

        toasts.WaitForAssertion(() => Assert.Contains("报名记录不存在。", toasts.Find("[data-testid=toast]").TextContent));
        Assert.Equal("error", toasts.Find("[data-testid=toast]").GetAttribute("data-severity"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=signups-empty]"));
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=count-signedup]").TextContent));
    }

    [Fact]
    public async Task List_ForAViewer_HasNoSwitches_AndWithoutAFormSaysHowToStart()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        var empty = (await SignupSeed.ActivityAsync(Services, "第2期")).Id;
        await SignupSeed.FormAsync(Services, activity.Id, "read1");
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "王小明", Phone = "13812345678" });
        SignInAsViewer();

        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=member-link]")));
        var none = Render<SignupsPage>(p => p.Add(x => x.ActivityId, empty));

        Assert.Empty(cut.FindAll("[data-testid=checkin] input, [data-testid=complete] input"));
        Assert.NotEmpty(cut.FindAll("[data-testid=checkin]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-form]"));
        Assert.Empty(cut.FindAll("[data-testid=export-signups]"));
        none.WaitForAssertion(() => none.Find("[data-testid=no-form]"));
    }

    [Fact]
    public async Task List_Search_NarrowsTheRows()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1");
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "王小明", Phone = "13812345678" });
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "李红", Phone = "13912340000" });
        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-link]").Count));

        cut.Find("#signup-search").Input("5678");
        cut.Find("[data-testid=search]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["10001"], cut.FindAll("[data-testid=member-link]").Select(a => a.TextContent)));
    }

    [Fact]
    public async Task List_Search_TypingAlone_NarrowsTheRowsAfterAPause()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1");
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "王小明", Phone = "13812345678" });
        await Get<SignupService>().SubmitAsync("read1", new SignupSubmission { Name = "李红", Phone = "13912340000" });
        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-link]").Count));

        cut.Find("#signup-search").Input("李红");

        cut.WaitForAssertion(() => Assert.Equal(["10002"], cut.FindAll("[data-testid=member-link]").Select(a => a.TextContent)),
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task List_LongAnswers_FoldUnderAShowAllButton_ShortOnesShowWhole()
    {
        using var culture = Chinese();
        var activity = await SignupSeed.ActivityAsync(Services);
        await SignupSeed.FormAsync(Services, activity.Id, "read1", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);
        var wish = string.Concat(Enumerable.Repeat("西游记、三国演义、水浒传、红楼梦；", 6));
        var signups = Get<SignupService>();
        await signups.SubmitAsync("read1", new SignupSubmission
        {
            Name = "王小明", Phone = "13812345678", Answers = new Dictionary<string, string?> { ["q1"] = "二年级" },
        });
        await signups.SubmitAsync("read1", new SignupSubmission
        {
            Name = "李红", Phone = "13912345678", Answers = new Dictionary<string, string?> { ["q1"] = "一年级", ["q2"] = wish },
        });
        var cut = Render<SignupsPage>(p => p.Add(x => x.ActivityId, activity.Id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=member-link]").Count));

        var rows = cut.FindAll("tbody tr");
        Assert.Contains("su-folded", rows[0].QuerySelector("[data-testid=answers]")!.ClassName);
        Assert.Contains(wish, rows[0].TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=answers-toggle]"));
        Assert.DoesNotContain("su-folded", rows[1].QuerySelector("[data-testid=answers]")!.ClassName);

        cut.Find("[data-testid=answers-toggle]").Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain("su-folded", cut.Find("[data-testid=answers]").ClassName));
        Assert.Equal("true", cut.Find("[data-testid=answers-toggle]").GetAttribute("aria-expanded"));
    }
}
