using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>/admin/users: the users grid, the create-user and change-role dialogs, lock with confirmation.</summary>
public sealed class UsersPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    public Task OpenAsync() => GotoAsync("/admin/users");

    public ILocator Row(string email) =>
        Page.Locator("tr", new() { Has = Page.GetByTestId("row-email").GetByText(email, new() { Exact = true }) });

    public ILocator RoleOf(string email) => Row(email).GetByTestId("row-role");

    public ILocator StatusOf(string email) => Row(email).GetByTestId("row-status");

    public ILocator Notification => Toast;

    public async Task CreateUserAsync(string email, string displayName, string password, string roleLabel)
    {
        await Page.GetByTestId("create-user").ClickAsync();
        await Dialog.Locator("#user-email").FillAsync(email);
        await Dialog.Locator("#user-displayname").FillAsync(displayName);
        await Dialog.Locator("#user-password").FillAsync(password);
        await PickRoleAsync("user-role", roleLabel);
        await Dialog.GetByTestId("save").ClickAsync();
    }

    public async Task ChangeRoleAsync(string email, string roleLabel)
    {
        await Row(email).GetByTestId("change-role").ClickAsync();
        await PickRoleAsync("new-role", roleLabel);
        await Dialog.GetByTestId("save").ClickAsync();
    }

    /// <summary>Clicks Lock and answers the confirmation with its OK button (labelled like the action).</summary>
    public async Task LockAsync(string email, string confirmLabel)
    {
        await Row(email).GetByTestId("lock-user").ClickAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = confirmLabel, Exact = true }).ClickAsync();
    }

    private Task PickRoleAsync(string group, string roleLabel) =>
        Dialog.GetByTestId(group).GetByText(roleLabel, new() { Exact = true }).ClickAsync();
}
