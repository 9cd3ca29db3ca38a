using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;

namespace CommunityPortal.Tests.Features.Matrix.Themes;

public sealed class ThemeServiceTests : MatrixTestBase
{
    [Fact]
    public async Task Create_StoresTrimmedName_AndBlankDescriptionAsNothing()
    {
        var theme = await Themes.CreateAsync(new ThemeInput { Name = "  读书会  ", Description = "   " });

        Assert.Equal("读书会", theme.Name);
        Assert.Null(theme.Description);
        Assert.Equal(1, theme.Version);
        Assert.False(theme.IsArchived);
        Assert.Equal(0, theme.SeriesCount);
    }

    [Fact]
    public async Task Create_WithoutName_ReportsNameField_InChineseByDefault()
    {
        using var _ = new CultureScope("zh-CN");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Themes.CreateAsync(new ThemeInput { Name = "  " }));

        Assert.Equal("名称不能为空。", OnlyError(ex, nameof(ThemeInput.Name)));
    }

    [Fact]
    public async Task Create_WithoutName_ReportsNameField_InEnglishForAnEnglishUser()
    {
        using var _ = new CultureScope("en");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Themes.CreateAsync(new ThemeInput { Name = "" }));

        Assert.Equal("Name is required.", OnlyError(ex, nameof(ThemeInput.Name)));
    }

    [Fact]
    public async Task Create_WithNameOf50Characters_IsAccepted_But51IsRefusedOnName()
    {
        using var _ = new CultureScope("zh-CN");

        await Themes.CreateAsync(new ThemeInput { Name = new string('主', Theme.NameMax) });
        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Themes.CreateAsync(new ThemeInput { Name = new string('题', Theme.NameMax + 1) }));

        Assert.Equal("名称最多 50 个字符。", OnlyError(ex, nameof(ThemeInput.Name)));
    }

    [Fact]
    public async Task Create_WithDescriptionLongerThan500_ReportsDescriptionField()
    {
        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Themes.CreateAsync(new ThemeInput { Name = "读书会", Description = new string('x', Theme.DescriptionMax + 1) }));

        OnlyError(ex, nameof(ThemeInput.Description));
    }

    [Fact]
    public async Task Create_WhenNameTaken_ReportsNameField_EvenWithSurroundingSpaces()
    {
        using var _ = new CultureScope("zh-CN");
        await ThemeAsync("读书会");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => Themes.CreateAsync(new ThemeInput { Name = " 读书会 " }));

        Assert.Equal("已存在同名的名称。", OnlyError(ex, nameof(ThemeInput.Name)));
        Assert.Equal(1, await CountAsync<Theme>());
    }

    [Fact]
    public async Task Create_WhenNameTakenByAnArchivedTheme_StillReportsNameField()
    {
        var old = await ThemeAsync("读书会");
        await Themes.SetArchivedAsync(old.Id, true);

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(() => ThemeAsync("读书会"));

        OnlyError(ex, nameof(ThemeInput.Name));
    }

    [Fact]
    public async Task Update_ChangesNameAndDescription_AndBumpsTheVersion()
    {
        var theme = await ThemeAsync("读书会");

        var updated = await Themes.UpdateAsync(theme.Id, new ThemeInput { Name = "读书会2026", Description = "全年共读" }, theme.Version);

        Assert.Equal("读书会2026", updated.Name);
        Assert.Equal("全年共读", updated.Description);
        Assert.Equal(theme.Version + 1, updated.Version);
    }

    [Fact]
    public async Task Update_KeepingItsOwnName_IsNotADuplicate()
    {
        var theme = await ThemeAsync("读书会");

        var updated = await Themes.UpdateAsync(theme.Id, new ThemeInput { Name = "读书会", Description = "新描述" }, theme.Version);

        Assert.Equal("新描述", updated.Description);
    }

    [Fact]
    public async Task Update_ToTheNameOfAnotherTheme_ReportsNameField_AndChangesNothing()
    {
        using var _ = new CultureScope("en");
        await ThemeAsync("读书会");
        var other = await ThemeAsync("健身营");

        var ex = await RefusedWithoutTraceAsync<PortalValidationException>(
            () => Themes.UpdateAsync(other.Id, new ThemeInput { Name = "读书会" }, other.Version));

        Assert.Equal("Name is already taken.", OnlyError(ex, nameof(ThemeInput.Name)));
    }

    [Fact]
    public async Task Update_BasedOnAnOldVersion_IsRefused_AndTheFirstChangeStays()
    {
        var loadedByBoth = await ThemeAsync("读书会");
        await Themes.UpdateAsync(loadedByBoth.Id, new ThemeInput { Name = "甲的名字" }, loadedByBoth.Version);

        await RefusedWithoutTraceAsync<ConcurrencyConflictException>(
            () => Themes.UpdateAsync(loadedByBoth.Id, new ThemeInput { Name = "乙的名字" }, loadedByBoth.Version));

        Assert.Equal("甲的名字", (await Themes.GetAsync(loadedByBoth.Id)).Name);
    }

    [Fact]
    public async Task UnknownTheme_IsNotFound_ForEveryOperation()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Themes.GetAsync(404));
        await Assert.ThrowsAsync<NotFoundException>(() => Themes.UpdateAsync(404, new ThemeInput { Name = "x" }, 1));
        await Assert.ThrowsAsync<NotFoundException>(() => Themes.SetArchivedAsync(404, true));
        await Assert.ThrowsAsync<NotFoundException>(() => Themes.DeleteAsync(404));
    }

    [Fact]
    public async Task NotFound_SaysSoInTheUsersLanguage()
    {
        using (new CultureScope("zh-CN"))
        {
            Assert.Equal("主题不存在。", (await Assert.ThrowsAsync<NotFoundException>(() => Themes.GetAsync(404))).Message);
        }
        using (new CultureScope("en"))
        {
            Assert.Equal("The theme does not exist.", (await Assert.ThrowsAsync<NotFoundException>(() => Themes.GetAsync(404))).Message);
        }
    }

    [Fact]
    public async Task Delete_AnEmptyTheme_RemovesIt()
    {
        var theme = await ThemeAsync();

        await Themes.DeleteAsync(theme.Id);

        Assert.Equal(0, await CountAsync<Theme>());
    }

    [Fact]
    public async Task Delete_AThemeWithSeries_IsAConflict_EvenWhenTheSeriesIsArchived()
    {
        using var _ = new CultureScope("zh-CN");
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id);
        await SeriesService.SetArchivedAsync(series.Id, true);

        var ex = await RefusedWithoutTraceAsync<ConflictException>(() => Themes.DeleteAsync(theme.Id));

        Assert.Equal("主题下还有系列，不能删除；请改为归档。", ex.Message);
    }

    [Fact]
    public async Task Archive_HidesTheThemeFromTheDefaultList_AndIncludeArchivedShowsIt()
    {
        var kept = await ThemeAsync("健身营");
        var archived = await ThemeAsync("读书会");

        await Themes.SetArchivedAsync(archived.Id, true);

        Assert.Equal([kept.Id], (await Themes.ListAsync()).Select(t => t.Id));
        var all = await Themes.ListAsync(includeArchived: true);
        Assert.Equal(2, all.Count);
        Assert.True(all.Single(t => t.Id == archived.Id).IsArchived);
    }

    [Fact]
    public async Task Unarchive_BringsTheThemeBack()
    {
        var theme = await ThemeAsync();
        await Themes.SetArchivedAsync(theme.Id, true);

        await Themes.SetArchivedAsync(theme.Id, false);

        Assert.Equal([theme.Id], (await Themes.ListAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task List_IsOrderedByName_AndCountsSeries()
    {
        var b = await ThemeAsync("B 主题");
        var a = await ThemeAsync("A 主题");
        await SeriesAsync(b.Id, "一");
        await SeriesAsync(b.Id, "二");

        var list = await Themes.ListAsync();

        Assert.Equal(["A 主题", "B 主题"], list.Select(t => t.Name));
        Assert.Equal(0, list.Single(t => t.Id == a.Id).SeriesCount);
        Assert.Equal(2, list.Single(t => t.Id == b.Id).SeriesCount);
    }

    [Fact]
    public async Task Delete_WhenSomeoneAddsASeriesBetweenTheCheckAndTheDelete_IsRefusedAndKeepsBoth()
    {
        var theme = await ThemeAsync();
        var meanwhile = new Meanwhile("DELETE FROM \"Themes\"", () => SeriesAsync(theme.Id, "刚加的系列"));
        var deleting = new InterceptedDbContextFactory(Database, meanwhile).Service<ThemeService>();

        var ex = await Record.ExceptionAsync(() => deleting.DeleteAsync(theme.Id));
        await meanwhile.Other;

        Assert.True(ex is ConflictException or ConcurrencyConflictException, $"refused with {ex?.GetType().Name ?? "nothing"}");
        Assert.Equal((1, 1), (await CountAsync<Theme>(), await CountAsync<Series>()));
    }
}
