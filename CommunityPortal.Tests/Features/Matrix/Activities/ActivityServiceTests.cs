using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Tests.Features.Matrix.Activities;

public sealed class ActivityServiceTests : MatrixTestBase
{
    private async Task<SeriesDto> ReadingCampAsync()
    {
        var theme = await ThemeAsync("读书会");
        return await SeriesAsync(theme.Id, "阅读营");
    }

    private static ActivityInput Input(int seriesId, int periodNo = 0, string? name = null, DateOnly? start = null, DateOnly? end = null) => new()
    {
        SeriesId = seriesId,
        PeriodNo = periodNo,
        Name = name,
        StartDate = start ?? May1,
        EndDate = end ?? May1.AddDays(6),
    };

    [Fact]
    public async Task Create_StoresPeriodDatesAndStatus()
    {
        var series = await ReadingCampAsync();

        var activity = await Activities.CreateAsync(new ActivityInput
        {
            SeriesId = series.Id,
            PeriodNo = 3,
            Name = "阅读营第3期",
            StartDate = May1,
            EndDate = May1.AddDays(6),
            Status = ActivityStatus.Running,
        });

        Assert.Equal((3, "阅读营第3期", May1, new DateOnly(2026, 5, 7), ActivityStatus.Running, "阅读营", series.ThemeId),
            (activity.PeriodNo, activity.Name, activity.StartDate, activity.EndDate, activity.Status, activity.SeriesName, activity.ThemeId));
    }

    [Fact]
    public async Task Create_WithoutPeriodNumber_TakesTheNextAfterTheHighest()
    {
        var series = await ReadingCampAsync();
        await ActivityAsync(series.Id, 1);
        await ActivityAsync(series.Id, 5);

        var next = await Activities.CreateAsync(Input(series.Id, periodNo: 0, name: "下一期"));

        Assert.Equal(6, next.PeriodNo);
    }

    [Fact]
    public async Task Create_WithoutName_IsNamedAfterTheSeriesAndPeriod_InTheUsersLanguage()
    {
        var series = await ReadingCampAsync();

        ActivityDto chinese, english;
        using (new CultureScope("zh-CN"))
        {
            chinese = await Activities.CreateAsync(Input(series.Id, 1, name: "  "));
        }
        using (new CultureScope("en"))
        {
            english = await Activities.CreateAsync(Input(series.Id, 2));
        }

        Assert.Equal("阅读营 第1期", chinese.Name);
        Assert.Equal("阅读营 period 2", english.Name);
    }

    [Fact]
    public async Task Create_WithoutDates_ReportsStartAndEndDate()
    {
        using var _ = new CultureScope("zh-CN");
        var series = await ReadingCampAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.CreateAsync(new ActivityInput { SeriesId = series.Id, PeriodNo = 1 }));

        Assert.Equal(["开始日期不能为空。"], ex.Errors[nameof(ActivityInput.StartDate)]);
        Assert.Equal(["结束日期不能为空。"], ex.Errors[nameof(ActivityInput.EndDate)]);
    }

    [Fact]
    public async Task Create_EndingBeforeItStarts_ReportsEndDate_InChinese()
    {
        using var _ = new CultureScope("zh-CN");
        var series = await ReadingCampAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.CreateAsync(Input(series.Id, 1, start: May1, end: May1.AddDays(-1))));

        Assert.Equal("结束日期不能早于开始日期。", OnlyError(ex, nameof(ActivityInput.EndDate)));
    }

    [Fact]
    public async Task Create_EndingBeforeItStarts_ReportsEndDate_InEnglish()
    {
        using var _ = new CultureScope("en");
        var series = await ReadingCampAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.CreateAsync(Input(series.Id, 1, start: May1, end: May1.AddDays(-1))));

        Assert.Equal("End date cannot be before Start date.", OnlyError(ex, nameof(ActivityInput.EndDate)));
    }

    [Fact]
    public async Task Create_EndingOnTheDayItStarts_IsAccepted()
    {
        var series = await ReadingCampAsync();

        var activity = await Activities.CreateAsync(Input(series.Id, 1, start: May1, end: May1));

        Assert.Equal(activity.StartDate, activity.EndDate);
    }

    [Fact]
    public async Task Create_InAnUnknownSeries_ReportsSeriesIdField()
    {
        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Activities.CreateAsync(Input(404, 1, "第1期")));

        OnlyError(ex, nameof(ActivityInput.SeriesId));
    }

    [Fact]
    public async Task Create_WithAPeriodNumberTakenInTheSeries_ReportsPeriodNoField()
    {
        using var _ = new CultureScope("zh-CN");
        var series = await ReadingCampAsync();
        await ActivityAsync(series.Id, 1, "第1期");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Activities.CreateAsync(Input(series.Id, 1, "另一个名字")));

        Assert.Equal("同一上级下已存在相同的期数。", OnlyError(ex, nameof(ActivityInput.PeriodNo)));
    }

    [Fact]
    public async Task Create_WithANameTakenInTheSeries_ReportsNameField()
    {
        var series = await ReadingCampAsync();
        await ActivityAsync(series.Id, 1, "春季班");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Activities.CreateAsync(Input(series.Id, 2, "春季班")));

        OnlyError(ex, nameof(ActivityInput.Name));
    }

    [Fact]
    public async Task Create_WithPeriodNumberAndNameOfAnotherSeries_IsAccepted()
    {
        var theme = await ThemeAsync();
        var reading = await SeriesAsync(theme.Id, "阅读营");
        var writing = await SeriesAsync(theme.Id, "写作营");
        await ActivityAsync(reading.Id, 1, "第1期");

        var activity = await ActivityAsync(writing.Id, 1, "第1期");

        Assert.Equal(writing.Id, activity.SeriesId);
    }

    [Theory]
    [InlineData(10000)] // beyond 第9999期
    [InlineData(0)] // "the next free number" after 9999 is 10000: out of range as well
    public async Task Create_WithAPeriodNumberOutOfRange_ReportsPeriodNoField(int periodNo)
    {
        var series = await ReadingCampAsync();
        await ActivityAsync(series.Id, 9999, "最后一期");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Activities.CreateAsync(Input(series.Id, periodNo, "越界")));

        OnlyError(ex, nameof(ActivityInput.PeriodNo));
    }

    [Fact]
    public async Task Create_WithANameLongerThan60_ReportsNameField()
    {
        var series = await ReadingCampAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.CreateAsync(Input(series.Id, 1, new string('期', Activity.NameMax + 1))));

        OnlyError(ex, nameof(ActivityInput.Name));
    }

    [Fact]
    public async Task Update_ChangesDatesAndStatus_AndBumpsTheVersion()
    {
        var activity = await MatrixWithOneActivityAsync();
        var input = Input(activity.SeriesId, activity.PeriodNo, activity.Name, May1.AddDays(7), May1.AddDays(13));
        input.Status = ActivityStatus.Running;

        var updated = await Activities.UpdateAsync(activity.Id, input, activity.Version);

        Assert.Equal((May1.AddDays(7), May1.AddDays(13), ActivityStatus.Running, activity.Version + 1),
            (updated.StartDate, updated.EndDate, updated.Status, updated.Version));
    }

    [Fact]
    public async Task Update_ToThePeriodNumberOfAnotherActivity_ReportsPeriodNoField()
    {
        var first = await MatrixWithOneActivityAsync();
        var second = await ActivityAsync(first.SeriesId, 2, "第2期");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.UpdateAsync(second.Id, Input(first.SeriesId, 1, "第2期"), second.Version));

        OnlyError(ex, nameof(ActivityInput.PeriodNo));
    }

    [Fact]
    public async Task Update_EndingBeforeItStarts_ReportsEndDate_AndChangesNothing()
    {
        var activity = await MatrixWithOneActivityAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Activities.UpdateAsync(activity.Id, Input(activity.SeriesId, 1, activity.Name, May1, May1.AddDays(-3)), activity.Version));

        OnlyError(ex, nameof(ActivityInput.EndDate));
    }

    [Fact]
    public async Task Update_BasedOnAnOldVersion_IsRefused_AndTheFirstChangeStays()
    {
        var loadedByBoth = await MatrixWithOneActivityAsync();
        await Activities.UpdateAsync(loadedByBoth.Id, Input(loadedByBoth.SeriesId, 1, "甲改的"), loadedByBoth.Version);

        await RefusedWithoutTraceAsync<ConcurrencyConflictException>(
            () => Activities.UpdateAsync(loadedByBoth.Id, Input(loadedByBoth.SeriesId, 1, "乙改的"), loadedByBoth.Version));

        Assert.Equal("甲改的", (await Activities.GetAsync(loadedByBoth.Id)).Name);
    }

    [Fact]
    public async Task UnknownActivity_IsNotFound_ForEveryOperation()
    {
        var activity = await MatrixWithOneActivityAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Activities.GetAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => Activities.UpdateAsync(404, Input(activity.SeriesId, 7, "x"), 1));
        await Assert.ThrowsAsync<NotFoundException>(() => Activities.ArchiveAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => Activities.DeleteAsync(404));
    }

    [Fact]
    public async Task Delete_AnActivityWithoutGroups_RemovesIt()
    {
        var activity = await MatrixWithOneActivityAsync();

        await Activities.DeleteAsync(activity.Id);

        Assert.Equal(0, await CountAsync<Activity>());
    }

    [Fact]
    public async Task Delete_AnActivityWithGroups_IsAConflict_EvenWhenTheGroupsAreArchived()
    {
        using var _ = new CultureScope("zh-CN");
        var activity = await MatrixWithOneActivityAsync();
        var group = await GroupAsync("福利1群", activity.Id);
        await Groups.ArchiveAsync(group.Id);

        var ex = await RefusedWithoutTraceAsync<ConflictException>(() => Activities.DeleteAsync(activity.Id));

        Assert.Equal("活动下还有社群，不能删除；请改为归档。", ex.Message);
    }

    [Fact]
    public async Task Archive_HidesTheActivityFromTheDefaultList_AndIncludeArchivedShowsIt()
    {
        var first = await MatrixWithOneActivityAsync();
        var second = await ActivityAsync(first.SeriesId, 2, "第2期");

        await Activities.ArchiveAsync(first.Id);

        Assert.Equal([second.Id], (await Activities.ListAsync(first.SeriesId)).Select(a => a.Id));
        Assert.Equal([second.Id, first.Id], (await Activities.ListAsync(first.SeriesId, includeArchived: true)).Select(a => a.Id));
        Assert.Equal(ActivityStatus.Archived, (await Activities.GetAsync(first.Id)).Status);
    }

    [Fact]
    public async Task List_ShowsTheNewestPeriodFirst_AndFiltersBySeries()
    {
        var first = await MatrixWithOneActivityAsync();
        await ActivityAsync(first.SeriesId, 3, "第3期");
        await ActivityAsync(first.SeriesId, 2, "第2期");
        var otherSeries = await SeriesAsync(first.ThemeId, "写作营");
        await ActivityAsync(otherSeries.Id, 1, "写作第1期");

        Assert.Equal([3, 2, 1], (await Activities.ListAsync(first.SeriesId)).Select(a => a.PeriodNo));
        Assert.Equal(4, (await Activities.ListAsync()).Count);
    }

    [Fact]
    public async Task Counts_IncludeLiveGroupsAndTheirMembers_ButNotArchivedGroups()
    {
        var activity = await MatrixWithOneActivityAsync();
        await GroupAsync("福利1群", activity.Id, memberCount: 120);
        await GroupAsync("福利2群", activity.Id, memberCount: 30);
        var archived = await GroupAsync("福利3群", activity.Id, memberCount: 99);
        await Groups.ArchiveAsync(archived.Id);

        var counted = await Activities.GetAsync(activity.Id);

        Assert.Equal((2, 150), (counted.GroupCount, counted.MemberCount));
    }
}
