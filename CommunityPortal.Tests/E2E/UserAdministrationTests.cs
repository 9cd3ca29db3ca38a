using System.Text.RegularExpressions;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Security;
using UsersPage = CommunityPortal.Tests.E2E.Pages.UsersPage;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Playwright;


namespace CommunityPortal.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "Admin-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(AdminEmail, AdminPassword, Roles.Admin, "管理员老周");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_CreatesOperator_ChangesRole_LocksThem_AndTheyCannotSignIn()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(AdminEmail, AdminPassword);
        var users = new UsersPage(page, server.BaseUrl);
        await users.WaitInteractiveAsync();
        await users.OpenAsync();

        // The admin's own row cannot be locked or re-roled.
        await Assertions.Expect(users.Row(AdminEmail).GetByTestId("lock-user")).ToBeDisabledAsync();

        // Leaving an empty field says nothing yet (MudBlazor used to print .NET's English "The Email field is required."
        // there): the messages come with Save, from the service, in the user's language.
        await page.GetByTestId("create-user").ClickAsync();
        await users.Dialog.Locator("#user-email").FocusAsync();
        await users.Dialog.Locator("#user-email").PressAsync("Tab");
        // A choice the server renders: once it shows, the server has handled the e-mail field losing focus too.
        await users.Dialog.GetByTestId("user-role").GetByText("只读", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(users.Dialog.GetByRole(AriaRole.Radio, new() { Name = "只读" })).ToBeCheckedAsync();
        await Assertions.Expect(users.InvalidInputs(users.Dialog)).ToHaveCountAsync(0);
        await users.Dialog.GetByTestId("cancel").ClickAsync();
        await Assertions.Expect(users.Dialog).ToHaveCountAsync(0);

        // A weak password is explained in the dialog, under the field.
        await users.CreateUserAsync("zhou@example.com", "运营小周", "abc", "运营");
        await Assertions.Expect(users.FieldMessage("user-password")).ToHaveTextAsync("密码至少需要 8 个字符。");
        await Assertions.Expect(users.InvalidInputs(users.Dialog)).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(page, "users-create-errors-zh");
        // Fixed and saved at once, as a person does: the error line going away must not move Save from under the click.
        await users.Dialog.Locator("#user-password").FillAsync("Zhou-secret-2026");
        await users.Dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(users.Dialog).ToHaveCountAsync(0);
        await Assertions.Expect(users.RoleOf("zhou@example.com")).ToHaveTextAsync("运营");

        await users.ChangeRoleAsync("zhou@example.com", "经理");
        await Assertions.Expect(users.RoleOf("zhou@example.com")).ToHaveTextAsync("经理");

        await users.Row("zhou@example.com").GetByTestId("lock-user").ClickAsync();
        await Assertions.Expect(users.Dialog).ToContainTextAsync("确定要锁定 zhou@example.com 吗？");
        await Screenshots.TakeAsync(page, "users-lock-confirm-zh");
        await users.Dialog.GetByRole(AriaRole.Button, new() { Name = "锁定", Exact = true }).ClickAsync();
        await Assertions.Expect(users.StatusOf("zhou@example.com")).ToHaveTextAsync("已锁定");
        await Screenshots.TakeAsync(page, "users-grid-zh");

        await users.SwitchLanguageAsync("en");
        await Assertions.Expect(users.StatusOf("zhou@example.com")).ToHaveTextAsync("Locked");
        await Assertions.Expect(users.RoleOf("zhou@example.com")).ToHaveTextAsync("Manager");
        await Screenshots.TakeAsync(page, "users-grid-en");
        await page.Context.CloseAsync();

        var locked = await chromium.NewPageAsync();
        await new LoginPage(locked, server.BaseUrl).SignInAsync("zhou@example.com", "Zhou-secret-2026");
        await Assertions.Expect(locked).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Assertions.Expect(locked.Locator("h1")).ToHaveTextAsync("账号已锁定");
        await locked.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await server.CreateUserAsync("guess@example.com", "Guess-secret-2026", Roles.Viewer, "小猜");
        var page = await chromium.NewPageAsync();
        var login = new LoginPage(page, server.BaseUrl);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAsync("guess@example.com", $"wrong-{attempt}-2026");
            await Assertions.Expect(page.Locator(".alert-danger")).ToHaveTextAsync("邮箱或密码不正确。");
        }

        await login.SignInAsync("guess@example.com", "wrong-5-2026");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout$"));

        await login.SignInAsync("guess@example.com", "Guess-secret-2026");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task User_ChangesPasswordFromTheTopBar_AndSignsInWithTheNewOne()
    {
        await server.CreateUserAsync("wang@example.com", "Wang-secret-2026", Roles.Operator, "小王");
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync("wang@example.com", "Wang-secret-2026");
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.WaitInteractiveAsync();

        await portal.OpenMyAccountAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Manage/ChangePassword$"));
        await page.Locator("#change-password-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#current-password) .field-error")).ToHaveTextAsync("请输入当前密码。");
        await Assertions.Expect(page.Locator(".field:has(#new-password) .field-error")).ToHaveTextAsync("请输入新密码。");
        await page.Locator("#current-password").FillAsync("not-my-password-1");
        await page.Locator("#new-password").FillAsync("Wang-new-2026");
        await page.Locator("#confirm-password").FillAsync("Wang-new-2026");
        await page.Locator("#change-password-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#current-password) .field-error")).ToHaveTextAsync("当前密码不正确。");
        await Screenshots.TakeAsync(page, "change-password-error-zh");

        await page.Locator("#current-password").FillAsync("Wang-secret-2026");
        await page.Locator("#new-password").FillAsync("Wang-new-2026");
        await page.Locator("#confirm-password").FillAsync("Wang-new-2026");
        await page.Locator("#change-password-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToHaveTextAsync("密码已修改。");
        await Screenshots.TakeAsync(page, "change-password-done-zh");
        await page.Context.CloseAsync();

        var again = await chromium.NewPageAsync();
        await new LoginPage(again, server.BaseUrl).SignInAsync("wang@example.com", "Wang-new-2026");
        await new PortalPage(again, server.BaseUrl).WaitInteractiveAsync();
        await Assertions.Expect(again.GetByTestId("current-user")).ToContainTextAsync("小王");
        await again.Context.CloseAsync();
    }
}
