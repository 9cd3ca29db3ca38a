using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Matrix.Tree;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThemeService = CommunityPortal.Features.Matrix.Themes.ThemeService;

using MatrixPage = CommunityPortal.Tests.E2E.Pages.MatrixPage;

namespace CommunityPortal.Tests.E2E;

/// <summary>Archive instead of delete: a theme with history cannot be deleted, is archived, and comes back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MatrixArchiveBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "boss@example.com";
    private const string Password = "Manager-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Manager, "王经理");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task NonEmptyTheme_IsNotDeleted_ButArchived_ThenRestored_AndStandaloneGroupsHaveTheirOwnNode()
    {
        await SeedThemeWithSeriesAsync("训练营", "写作训练营");
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var matrix = new MatrixPage(page, server.BaseUrl);
        await matrix.WaitInteractiveAsync();
        await matrix.OpenAsync();

        await matrix.DeleteAsync("theme", "训练营");
        await Assertions.Expect(matrix.Notification).ToContainTextAsync("主题下还有系列，不能删除；请改为归档。");
        await Assertions.Expect(matrix.Node("theme", "训练营")).ToBeVisibleAsync();

        await matrix.ArchiveAsync("theme", "训练营");
        await Assertions.Expect(matrix.Node("theme", "训练营")).ToHaveCountAsync(0);

        await matrix.ShowArchivedAsync();
        await Assertions.Expect(matrix.Node("theme", "训练营")).ToContainTextAsync("已归档");
        await matrix.ArchiveAsync("theme", "训练营");
        await Assertions.Expect(matrix.Node("theme", "训练营")).Not.ToContainTextAsync("已归档");

        await matrix.AddStandaloneGroupAsync("会员群", capacity: 500, members: 321);
        Assert.Equal(new NodeCounts(1, 321), await matrix.CountsOf("长期群"));
        await page.Context.CloseAsync();
    }

    private async Task SeedThemeWithSeriesAsync(string theme, string series)
    {
        _ = server.BaseUrl;
        using var culture = new CultureScope("zh-CN");
        using var scope = server.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = theme });
        await scope.ServiceProvider.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = created.Id, Name = series });
    }
}
