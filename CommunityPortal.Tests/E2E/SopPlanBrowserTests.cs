using System.Text.RegularExpressions;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Sop.Templates;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>Issue 10's first step in a browser: a manager takes the 开群仪式 template and applies it to a new activity's groups.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SopPlanBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "manager@example.com";
    private const string Password = "Manager-secret-2026";

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(Email, Password, Roles.Manager, "李经理");
        // The app preloads the templates before its first request: nothing to wait for, and a second run adds nothing.
        using var scope = server.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SopTemplateSeeder>().SeedAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_UsesTheOpeningTemplate_AppliesItToANewActivitysGroups_AndSeesThemListed()
    {
        await SeedActivityAsync("读书会", "读书会 第3期", "读书3期-福利1群", "读书3期-核心群");
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var sop = new SopPlanPages(page, server.BaseUrl);
        await sop.WaitInteractiveAsync();
        await sop.OpenListAsync();

        await Assertions.Expect(page.GetByTestId("plans-empty")).ToContainTextAsync("还没有 SOP 计划");
        await sop.Tab("模板").ClickAsync();
        await Assertions.Expect(sop.Row("开群仪式")).ToContainTextAsync("按开群天数");
        await Screenshots.TakeAsync(page, "sop-templates-zh");
        await sop.UseTemplateAsync("开群仪式");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sop/plans/\d+$"));
        await Assertions.Expect(sop.Title).ToHaveTextAsync("开群仪式");
        await Assertions.Expect(sop.Version).ToHaveTextAsync("版本 1");
        await Assertions.Expect(page.GetByTestId("step")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("no-assignments")).ToBeVisibleAsync();

        await sop.OpenApplyAsync();
        // Enter picks the group found; it does not also submit the dialog (which would apply the plan to that group alone).
        await sop.PickByKeyboardAsync("3期-核心", "读书3期-核心群");
        await Assertions.Expect(sop.PickedGroups).ToHaveTextAsync(["读书3期-核心群"]);
        await Assertions.Expect(sop.Dialog.GetByTestId("save")).ToBeVisibleAsync();
        await sop.PickActivityGroupsAsync("读书会 第3期");
        await Assertions.Expect(sop.PickedGroups).ToHaveTextAsync(["读书3期-核心群", "读书3期-福利1群"]);
        await Screenshots.TakeAsync(page, "sop-apply-dialog-zh");
        await sop.Dialog.GetByTestId("save").ClickAsync();

        await Assertions.Expect(sop.Dialog).ToHaveCountAsync(0);
        await Assertions.Expect(sop.Toast).ToContainTextAsync("已应用“开群仪式”，生成了");
        await Assertions.Expect(sop.Assignments).ToHaveTextAsync(["读书3期-核心群", "读书3期-福利1群"]);
        await Screenshots.TakeAsync(page, "sop-plan-applied-zh");
        await page.Context.CloseAsync();
    }

    private async Task SeedActivityAsync(string series, string activity, params string[] groups)
    {
        _ = server.BaseUrl;
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var theme = await sp.GetRequiredService<ThemeService>().CreateAsync(new ThemeInput { Name = "社群运营" });
        var created = await sp.GetRequiredService<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = series });
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
        var period = await sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = created.Id, Name = activity, StartDate = today.AddDays(1), EndDate = today.AddDays(7),
        });
        foreach (var group in groups)
        {
            await sp.GetRequiredService<GroupService>().CreateAsync(new GroupInput { Name = group, ActivityId = period.Id, Status = GroupStatus.Planned });
        }
    }
}
