using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;

namespace CommunityPortal.Tests.Features.Matrix.Activities;

/// <summary>复制上一期: the pure renumbering/shifting rules, then ActivityService.CopyPreviousAsync against the database.</summary>
public sealed class PeriodCopierTests : MatrixTestBase
{
    [Theory]
    [InlineData("第3期", 3, 4, "第4期")]
    [InlineData("阅读营3期-福利1群", 3, 4, "阅读营4期-福利1群")]
    [InlineData("阅读营 第9期", 9, 10, "阅读营 第10期")]
    [InlineData("S3 核心群", 3, 4, "S4 核心群")]
    [InlineData("Reading period 3", 3, 4, "Reading period 4")]
    [InlineData("福利13群 第3期", 3, 4, "福利13群 第4期")]
    [InlineData("300人大群 第3期", 3, 4, "300人大群 第4期")]
    [InlineData("阅读营3期-福利3群", 3, 4, "阅读营4期-福利3群")]
    public void Renumber_ReplacesThePeriodNumber_AndLeavesOtherNumbersAlone(string name, int from, int to, string expected)
    {
        Assert.Equal(expected, PeriodCopier.Renumber(name, from, to));
    }

    [Theory]
    [InlineData("福利1群-阅读营1期", "福利1群-阅读营2期")]
    [InlineData("福利1群（第1期）", "福利1群（第2期）")]
    [InlineData("Group 1, period 1", "Group 1, period 2")]
    public void Renumber_PrefersTheNumberMarkedAsAPeriod_OverAnEarlierGroupNumber(string name, string expected)
    {
        Assert.Equal(expected, PeriodCopier.Renumber(name, 1, 2));
    }

    [Theory]
    [InlineData("福利群", "福利群 (4)")]
    [InlineData("福利群13", "福利群13 (4)")]
    [InlineData("福利群 (3)", "福利群 (4)")]
    public void Renumber_WithoutThePeriodNumber_AppendsTheNewOne(string name, string expected)
    {
        Assert.Equal(expected, PeriodCopier.Renumber(name, 3, 4));
    }

    [Fact]
    public void Copy_KeepsTheRhythmBetweenTheLastTwoStarts()
    {
        var second = new Activity { PeriodNo = 2, Name = "第2期", StartDate = new(2026, 5, 1), EndDate = new(2026, 5, 7) };
        var third = new Activity { PeriodNo = 3, Name = "第3期", StartDate = new(2026, 5, 15), EndDate = new(2026, 5, 21) };

        var fourth = PeriodCopier.Copy(third, second, []);

        Assert.Equal((4, "第4期", new DateOnly(2026, 5, 29), new DateOnly(2026, 6, 4), ActivityStatus.Planned),
            (fourth.PeriodNo, fourth.Name, fourth.StartDate, fourth.EndDate, fourth.Status));
    }

    [Fact]
    public void Copy_OfTheOnlyPeriod_StartsTheDayAfterItEnds()
    {
        var first = new Activity { PeriodNo = 1, Name = "第1期", StartDate = new(2026, 5, 1), EndDate = new(2026, 5, 7) };

        var second = PeriodCopier.Copy(first, null, []);

        Assert.Equal((new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 14)), (second.StartDate, second.EndDate));
    }

    [Fact]
    public void Copy_WhenThePeriodsStartedOutOfOrder_StartsTheDayAfterTheLastEnds()
    {
        var earlierNumberLaterDate = new Activity { PeriodNo = 2, StartDate = new(2026, 6, 1), EndDate = new(2026, 6, 3) };
        var last = new Activity { PeriodNo = 3, Name = "第3期", StartDate = new(2026, 5, 1), EndDate = new(2026, 5, 3) };

        var next = PeriodCopier.Copy(last, earlierNumberLaterDate, []);

        Assert.Equal((new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 6)), (next.StartDate, next.EndDate));
    }

    // ---- ActivityService.CopyPreviousAsync against the database ----

    private async Task<(SeriesDto Series, ActivityDto Previous)> SeriesWithThirdPeriodAsync()
    {
        var theme = await ThemeAsync("读书会");
        var series = await SeriesAsync(theme.Id, "阅读营");
        await ActivityAsync(series.Id, 2, "阅读营第2期", start: new DateOnly(2026, 5, 1), days: 7);
        var third = await ActivityAsync(series.Id, 3, "阅读营第3期", start: new DateOnly(2026, 5, 15), days: 7, status: ActivityStatus.Ended);
        return (series, third);
    }

    [Fact]
    public async Task CopyPrevious_CreatesTheNextPeriod_RenamedAndShiftedByTheSeriesRhythm()
    {
        var (series, _) = await SeriesWithThirdPeriodAsync();

        var fourth = await Activities.CopyPreviousAsync(series.Id);

        Assert.Equal((4, "阅读营第4期", new DateOnly(2026, 5, 29), new DateOnly(2026, 6, 4), ActivityStatus.Planned, series.Id),
            (fourth.PeriodNo, fourth.Name, fourth.StartDate, fourth.EndDate, fourth.Status, fourth.SeriesId));
    }

    [Fact]
    public async Task CopyPrevious_CopiesTheGroups_WithNamesRenumberedCountsResetAndStatusPlanned()
    {
        var (series, third) = await SeriesWithThirdPeriodAsync();
        await UserAsync("owner@example.com", "小王");
        var full = NewGroup("阅读营3期-福利1群", third.Id, memberCount: 200, capacity: 200, status: GroupStatus.Full);
        full.Tier = GroupTier.Core;
        full.Lifetime = GroupLifetime.LongTerm;
        full.OwnerEmail = "owner@example.com";
        full.Rules = ["不发广告", "每日打卡"];
        full.Labels = ["上海", "读书"];
        full.Announcement = "本期共读《三体》";
        full.WelcomeMessage = "欢迎加入";
        await Groups.CreateAsync(full);
        var open = await GroupAsync("阅读营3期-福利2群", third.Id, memberCount: 57, status: GroupStatus.Open);
        await Groups.ArchiveAsync(open.Id);

        var fourth = await Activities.CopyPreviousAsync(series.Id);

        var copies = (await Query.QueryAsync(new GroupQuery { ActivityId = fourth.Id, SortBy = "name" })).Items;
        Assert.Equal(["阅读营4期-福利1群", "阅读营4期-福利2群"], copies.Select(g => g.Name));
        Assert.All(copies, g => Assert.Equal((0, GroupStatus.Planned, "阅读营第4期"), (g.MemberCount, g.Status, g.ActivityName)));
        var copy = copies[0];
        Assert.Equal((GroupTier.Core, GroupLifetime.LongTerm, "owner@example.com", 200), (copy.Tier, copy.Lifetime, copy.OwnerEmail, copy.Capacity));
        Assert.Equal(["不发广告", "每日打卡"], copy.Rules);
        Assert.Equal(["上海", "读书"], copy.Labels);
        Assert.Equal(("本期共读《三体》", "欢迎加入"), (copy.Announcement, copy.WelcomeMessage));
        Assert.Equal((2, 0), (fourth.GroupCount, fourth.MemberCount));
    }

    [Fact]
    public async Task CopyPrevious_LeavesThePreviousPeriodAndItsGroupsUntouched()
    {
        var (series, third) = await SeriesWithThirdPeriodAsync();
        await GroupAsync("阅读营3期-福利1群", third.Id, memberCount: 150, status: GroupStatus.Open);
        var before = await SnapshotAsync();

        await Activities.CopyPreviousAsync(series.Id);

        var after = await SnapshotAsync();
        Assert.All(before.Split('\n'), line => Assert.Contains(line, after.Split('\n')));
    }

    [Fact]
    public async Task CopyPrevious_CopiesTheHighestPeriod_EvenWhenItWasCreatedFirst()
    {
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id, "阅读营");
        var fifth = await ActivityAsync(series.Id, 5, "第5期", start: new DateOnly(2026, 7, 1));
        await GroupAsync("5期-1群", fifth.Id);
        await ActivityAsync(series.Id, 4, "第4期", start: new DateOnly(2026, 6, 1));

        var sixth = await Activities.CopyPreviousAsync(series.Id);

        Assert.Equal(("第6期", new DateOnly(2026, 7, 31)), (sixth.Name, sixth.StartDate));
        Assert.Equal(["6期-1群"], (await Query.QueryAsync(new GroupQuery { ActivityId = sixth.Id })).Items.Select(g => g.Name));
    }

    [Fact]
    public async Task CopyPrevious_Twice_GivesTheFourthAndFifthPeriods()
    {
        var (series, _) = await SeriesWithThirdPeriodAsync();

        await Activities.CopyPreviousAsync(series.Id);
        var fifth = await Activities.CopyPreviousAsync(series.Id);

        Assert.Equal((5, "阅读营第5期", new DateOnly(2026, 6, 12)), (fifth.PeriodNo, fifth.Name, fifth.StartDate));
    }

    [Fact]
    public async Task CopyPrevious_OfASeriesWithoutActivities_IsAConflict()
    {
        using var _ = new CultureScope("zh-CN");
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id);

        var ex = await RefusedWithoutTraceAsync<ConflictException>(() => Activities.CopyPreviousAsync(series.Id));

        Assert.Equal("该系列还没有任何一期活动，无法复制上一期。", ex.Message);
    }

    [Fact]
    public async Task CopyPrevious_OfAnUnknownSeries_IsNotFound()
    {
        using var _ = new CultureScope("en");

        var ex = await RefusedWithoutTraceAsync<NotFoundException>(() => Activities.CopyPreviousAsync(404));

        Assert.Equal("The series does not exist.", ex.Message);
    }

    [Fact]
    public async Task CopyPrevious_PublishesTheNewActivityAndEachNewGroup_WithTheirIds()
    {
        var (series, third) = await SeriesWithThirdPeriodAsync();
        await GroupAsync("3期-1群", third.Id);
        await GroupAsync("3期-2群", third.Id);
        ForgetPublishedEvents();

        var fourth = await Activities.CopyPreviousAsync(series.Id);

        var groupIds = (await Query.QueryAsync(new GroupQuery { ActivityId = fourth.Id })).Items.Select(g => g.Id).Order();
        Assert.Contains(new ActivityChanged(fourth.Id, series.Id, ChangeKind.Created), Published);
        var created = Published.OfType<GroupCreated>().ToList();
        Assert.Equal(groupIds, created.Select(e => e.GroupId).Order());
        Assert.All(created, e => Assert.Equal((fourth.Id, 0), (e.ActivityId, e.MemberCount)));
    }

    [Fact]
    public async Task CopyPrevious_WhenTwoCopiedNamesWouldMeet_KeepsThemApart()
    {
        var (series, third) = await SeriesWithThirdPeriodAsync();
        await GroupAsync("福利群", third.Id);
        await GroupAsync("福利群 (3)", third.Id);

        var fourth = await Activities.CopyPreviousAsync(series.Id);

        var names = (await Query.QueryAsync(new GroupQuery { ActivityId = fourth.Id })).Items.Select(g => g.Name).ToList();
        Assert.Equal(2, names.Distinct().Count());
        Assert.Contains("福利群 (4)", names);
    }

    [Fact]
    public async Task CopyPrevious_ByTwoUsersAtOnce_CreatesTheNextPeriodOnce_AndTheLoserWritesNothing()
    {
        var (series, third) = await SeriesWithThirdPeriodAsync();
        await GroupAsync("3期-1群", third.Id);
        await GroupAsync("3期-2群", third.Id);
        var meanwhile = new Meanwhile("INSERT INTO \"Activities\"", () => Activities.CopyPreviousAsync(series.Id));
        var firstUser = new InterceptedDbContextFactory(Database, meanwhile).Service<ActivityService>();

        var mine = await Record.ExceptionAsync(() => firstUser.CopyPreviousAsync(series.Id));
        var theirs = await Record.ExceptionAsync(() => meanwhile.Other);

        Assert.True(meanwhile.Fired);
        var refused = Assert.Single(new[] { mine, theirs }, e => e is not null);
        Assert.IsType<PortalValidationException>(refused);
        var fourth = Assert.Single(await Activities.ListAsync(series.Id), a => a.PeriodNo == 4);
        Assert.Equal(2, fourth.GroupCount);
        Assert.Equal(3, await CountAsync<Activity>());
        Assert.Equal(4, await CountAsync<Group>());
    }
}
