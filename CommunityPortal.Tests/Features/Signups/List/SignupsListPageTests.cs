using Bunit;
using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.List;
using CommunityPortal.Features.Signups.Public;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Signups.List;

/// <summary>The sign-ups list (/activities/{id}/signups): counts, rows, answers, marks, search, viewers.</summary>
public sealed class SignupsListPageTests : ComponentTest
{
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
