using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using GroupPage = CommunityPortal.Tests.E2E.Pages.GroupPage;

namespace CommunityPortal.Tests.E2E;

/// <summary>Two people edit the same group: the second save is refused, never a silent overwrite.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupConcurrencyBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Password = "Operator-secret-2026";

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync("a@example.com", Password, Roles.Operator, "小A");
        await server.CreateUserAsync("b@example.com", Password, Roles.Operator, "小B");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SecondSave_OfTheSameGroup_IsRefusedWithTheConflictMessage_AndReloadShowsTheFirst()
    {
        var groupId = await CreateGroupAsync();
        var first = await OpenAsAsync("a@example.com", groupId);
        var second = await OpenAsAsync("b@example.com", groupId);

        await first.SetMemberCountAsync(40);
        await first.SaveAndWaitAsync();

        await second.SetMemberCountAsync(90);
        await second.SaveAsync();
        await Assertions.Expect(second.Conflict).ToContainTextAsync("此社群已被他人修改");

        // Nothing was overwritten; reloading shows what the first person saved.
        Assert.Equal(40, (await GetGroupAsync(groupId)).MemberCount);
        await second.ReloadAfterConflictAsync();
        await Assertions.Expect(second.MemberCount).ToHaveValueAsync("40");
        await Assertions.Expect(second.Conflict).ToHaveCountAsync(0);

        await first.Page.Context.CloseAsync();
        await second.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownGroup_ShowsNotFound()
    {
        var page = await OpenAsAsync("a@example.com", 999_999);
        await Assertions.Expect(page.NotFound).ToContainTextAsync("找不到这个社群");
        await page.Page.Context.CloseAsync();
    }

    private async Task<GroupPage> OpenAsAsync(string email, int groupId)
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(email, Password);
        var group = new GroupPage(page, server.BaseUrl);
        await group.WaitInteractiveAsync();
        await group.OpenAsync(groupId);
        return group;
    }

    private async Task<int> CreateGroupAsync()
    {
        _ = server.BaseUrl;
        using var scope = server.Services.CreateScope();
        var group = await scope.ServiceProvider.GetRequiredService<GroupService>()
            .CreateAsync(new GroupInput { Name = "会员长期群", Lifetime = GroupLifetime.LongTerm, Capacity = 200, MemberCount = 10 });
        return group.Id;
    }

    private async Task<GroupDto> GetGroupAsync(int id)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GroupService>().GetAsync(id);
    }
}
