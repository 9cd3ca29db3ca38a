using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.SeriesEditor;

namespace CommunityPortal.Tests.Features.Matrix.SeriesEditor;

public sealed class SeriesServiceTests : MatrixTestBase
{
    [Fact]
    public async Task Create_InATheme_ShowsTheThemeName()
    {
        var theme = await ThemeAsync("读书会");

        var series = await SeriesService.CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = " 阅读营 ", Description = "每月一期" });

        Assert.Equal("阅读营", series.Name);
        Assert.Equal("读书会", series.ThemeName);
        Assert.Equal("每月一期", series.Description);
        Assert.Equal(1, (await Themes.GetAsync(theme.Id)).SeriesCount);
    }

    [Fact]
    public async Task Create_InAnUnknownTheme_ReportsThemeIdField()
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => SeriesService.CreateAsync(new SeriesInput { ThemeId = 404, Name = "阅读营" }));

        Assert.Equal("主题不存在。", OnlyError(ex, nameof(SeriesInput.ThemeId)));
    }

    [Fact]
    public async Task Create_WithoutNameAndTheme_ReportsBothFields()
    {
        using var _ = new CultureScope("en");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => SeriesService.CreateAsync(new SeriesInput { Name = "" }));

        Assert.Equal(["Name is required."], ex.Errors[nameof(SeriesInput.Name)]);
        Assert.Equal(["Theme does not exist."], ex.Errors[nameof(SeriesInput.ThemeId)]);
    }

    [Fact]
    public async Task Create_WithTooLongNameOrDescription_ReportsThoseFields()
    {
        var theme = await ThemeAsync();

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => SeriesService.CreateAsync(new SeriesInput
        {
            ThemeId = theme.Id,
            Name = new string('系', Series.NameMax + 1),
            Description = new string('述', Series.DescriptionMax + 1),
        }));

        Assert.Equal([nameof(SeriesInput.Description), nameof(SeriesInput.Name)], ex.Errors.Keys.Order());
    }

    [Fact]
    public async Task Create_WithANameTakenInTheSameTheme_ReportsNameField()
    {
        using var _ = new CultureScope("zh-CN");
        var theme = await ThemeAsync();
        await SeriesAsync(theme.Id, "阅读营");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => SeriesAsync(theme.Id, "阅读营"));

        Assert.Equal("同一上级下已存在相同的名称。", OnlyError(ex, nameof(SeriesInput.Name)));
    }

    [Fact]
    public async Task Create_WithANameUsedInAnotherTheme_IsAccepted()
    {
        var reading = await ThemeAsync("读书会");
        var fitness = await ThemeAsync("健身营");
        await SeriesAsync(reading.Id, "训练营");

        var series = await SeriesAsync(fitness.Id, "训练营");

        Assert.Equal(fitness.Id, series.ThemeId);
    }

    [Fact]
    public async Task Update_MovingIntoAThemeThatHasTheName_ReportsNameField()
    {
        var reading = await ThemeAsync("读书会");
        var fitness = await ThemeAsync("健身营");
        await SeriesAsync(reading.Id, "训练营");
        var moving = await SeriesAsync(fitness.Id, "训练营");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => SeriesService.UpdateAsync(moving.Id, new SeriesInput { ThemeId = reading.Id, Name = "训练营" }, moving.Version));

        OnlyError(ex, nameof(SeriesInput.Name));
    }

    [Fact]
    public async Task Update_IntoAnUnknownTheme_ReportsThemeIdField()
    {
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id);

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => SeriesService.UpdateAsync(series.Id, new SeriesInput { ThemeId = 404, Name = "阅读营" }, series.Version));

        OnlyError(ex, nameof(SeriesInput.ThemeId));
    }

    [Fact]
    public async Task Update_RenamesAndMoves_AndBumpsTheVersion()
    {
        var reading = await ThemeAsync("读书会");
        var fitness = await ThemeAsync("健身营");
        var series = await SeriesAsync(reading.Id, "阅读营");

        var updated = await SeriesService.UpdateAsync(series.Id, new SeriesInput { ThemeId = fitness.Id, Name = "晨跑营" }, series.Version);

        Assert.Equal(("晨跑营", fitness.Id, "健身营", series.Version + 1), (updated.Name, updated.ThemeId, updated.ThemeName, updated.Version));
    }

    [Fact]
    public async Task Update_BasedOnAnOldVersion_IsRefused_AndTheFirstChangeStays()
    {
        var theme = await ThemeAsync();
        var loadedByBoth = await SeriesAsync(theme.Id, "阅读营");
        await SeriesService.UpdateAsync(loadedByBoth.Id, new SeriesInput { ThemeId = theme.Id, Name = "甲" }, loadedByBoth.Version);

        await RefusedWithoutTraceAsync<ConcurrencyConflictException>(
            () => SeriesService.UpdateAsync(loadedByBoth.Id, new SeriesInput { ThemeId = theme.Id, Name = "乙" }, loadedByBoth.Version));

        Assert.Equal("甲", (await SeriesService.GetAsync(loadedByBoth.Id)).Name);
    }

    [Fact]
    public async Task UnknownSeries_IsNotFound_ForEveryOperation()
    {
        var theme = await ThemeAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => SeriesService.GetAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => SeriesService.UpdateAsync(404, new SeriesInput { ThemeId = theme.Id, Name = "x" }, 1));
        await Assert.ThrowsAsync<NotFoundException>(() => SeriesService.SetArchivedAsync(404, true));
        await Assert.ThrowsAsync<NotFoundException>(() => SeriesService.DeleteAsync(404));
    }

    [Fact]
    public async Task Delete_AnEmptySeries_RemovesIt()
    {
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id);

        await SeriesService.DeleteAsync(series.Id);

        Assert.Equal(0, await CountAsync<Series>());
    }

    [Fact]
    public async Task Delete_ASeriesWithActivities_IsAConflict()
    {
        using var _ = new CultureScope("en");
        var activity = await MatrixWithOneActivityAsync();

        var ex = await RefusedWithoutTraceAsync<ConflictException>(() => SeriesService.DeleteAsync(activity.SeriesId));

        Assert.Equal("The series still has activities and cannot be deleted; archive it instead.", ex.Message);
    }

    [Fact]
    public async Task Archive_HidesTheSeriesFromTheDefaultList_AndIncludeArchivedShowsIt()
    {
        var theme = await ThemeAsync();
        var kept = await SeriesAsync(theme.Id, "阅读营");
        var archived = await SeriesAsync(theme.Id, "写作营");

        await SeriesService.SetArchivedAsync(archived.Id, true);

        Assert.Equal([kept.Id], (await SeriesService.ListAsync(theme.Id)).Select(s => s.Id));
        Assert.Equal(new[] { archived.Id, kept.Id }.Order(), (await SeriesService.ListAsync(theme.Id, includeArchived: true)).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task List_FiltersByTheme_AndOrdersByThemeThenName()
    {
        var b = await ThemeAsync("B");
        var a = await ThemeAsync("A");
        await SeriesAsync(b.Id, "2");
        await SeriesAsync(b.Id, "1");
        await SeriesAsync(a.Id, "9");

        Assert.Equal(["A/9", "B/1", "B/2"], (await SeriesService.ListAsync()).Select(s => $"{s.ThemeName}/{s.Name}"));
        Assert.Equal(["1", "2"], (await SeriesService.ListAsync(b.Id)).Select(s => s.Name));
    }

    [Fact]
    public async Task List_CountsActivities()
    {
        var activity = await MatrixWithOneActivityAsync();
        await ActivityAsync(activity.SeriesId, 2);

        Assert.Equal(2, (await SeriesService.GetAsync(activity.SeriesId)).ActivityCount);
    }

    [Fact]
    public async Task Create_WhenTheThemeIsDeletedBetweenTheCheckAndTheInsert_IsRefusedWithoutA500()
    {
        var theme = await ThemeAsync();
        var meanwhile = new Meanwhile("INSERT INTO \"Series\"", () => Themes.DeleteAsync(theme.Id));
        var creating = new InterceptedDbContextFactory(Database, meanwhile).Service<SeriesService>();

        var ex = await Record.ExceptionAsync(() => creating.CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "阅读营" }));
        await meanwhile.Other;

        Assert.True(ex is ConcurrencyConflictException or PortalValidationException, $"refused with {ex?.GetType().Name ?? "nothing"}");
        Assert.Equal((0, 0), (await CountAsync<Theme>(), await CountAsync<Series>()));
    }
}
