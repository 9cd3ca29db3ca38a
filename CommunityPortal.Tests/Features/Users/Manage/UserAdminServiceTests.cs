using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Security;

namespace CommunityPortal.Tests.Features.Users.Manage;

public sealed class UserAdminServiceTests : IAsyncLifetime
{
    private readonly PortalDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Create_WithValidInput_CreatesUserInRoleThatCanSignIn()
    {
        var user = await db.Admin.CreateAsync(new NewUserInput
        {
            Email = "  li@example.com ", DisplayName = "运营小李", Password = "secret-2026", Role = "operator",
        });

        Assert.Equal("li@example.com", user.Email);
        Assert.Equal("运营小李", user.DisplayName);
        Assert.Equal(Roles.Operator, user.Role);
        Assert.False(user.IsLocked);
        Assert.True((await db.CheckPasswordAsync("li@example.com", "secret-2026")).Succeeded);
        Assert.True(await db.Admin.AnyUserExistsAsync());
    }

    [Fact]
    public async Task Create_WhenEmailTaken_ReportsEmailFieldOnly()
    {
        await db.AddUserAsync("li@example.com", Roles.Operator);

        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => db.AddUserAsync("LI@example.com", Roles.Viewer));

        Assert.Equal(["Email"], ex.Errors.Keys);
        Assert.Equal(["该邮箱已被使用。"], ex.Errors["Email"]);
    }

    [Fact]
    public async Task Create_WithWeakPassword_ReportsIdentityRulesInTheUsersLanguage()
    {
        using (new CultureScope("zh-CN"))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(() => db.AddUserAsync("a@example.com", Roles.Viewer, "abc"));
            Assert.Equal(["密码至少需要 8 个字符。", "密码至少需要一个数字（0-9）。"], ex.Errors["Password"]);
        }
        using (new CultureScope("en"))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(() => db.AddUserAsync("a@example.com", Roles.Viewer, "abc"));
            Assert.Contains("Passwords must be at least 8 characters.", ex.Errors["Password"]);
        }
    }

    [Fact]
    public async Task Create_WithEverythingWrong_ReportsEveryFieldAtOnce()
    {
        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => db.Admin.CreateAsync(new NewUserInput
        {
            Email = "not-an-email", DisplayName = " ", Password = "short", Role = "Boss",
        }));

        Assert.Equal(["DisplayName", "Email", "Password", "Role"], ex.Errors.Keys.Order());
        Assert.Equal(["邮箱不是有效的邮箱地址。"], ex.Errors["Email"]);
        Assert.Equal(["显示名不能为空。"], ex.Errors["DisplayName"]);
        Assert.False(await db.Admin.AnyUserExistsAsync());
    }

    [Fact]
    public async Task ChangeRole_ToManager_ChangesTheOneRole()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        var op = await db.AddUserAsync("op@example.com", Roles.Operator);

        var changed = await db.Admin.ChangeRoleAsync(op.Id, "Manager", admin.Id);

        Assert.Equal(Roles.Manager, changed.Role);
        var roles = await db.WithUserManagerAsync(async users => await users.GetRolesAsync((await users.FindByIdAsync(op.Id))!));
        Assert.Equal([Roles.Manager], roles);
    }

    [Fact]
    public async Task ChangeRole_ToUnknownRole_ReportsRoleField()
    {
        var op = await db.AddUserAsync("op@example.com", Roles.Operator);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => db.Admin.ChangeRoleAsync(op.Id, "Boss", null));

        Assert.Equal(["Role"], ex.Errors.Keys);
    }

    [Fact]
    public async Task ChangeRole_OfOneself_IsRefused()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        await db.AddUserAsync("admin2@example.com", Roles.Admin);

        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<ConflictException>(() => db.Admin.ChangeRoleAsync(admin.Id, Roles.Viewer, admin.Id));

        Assert.Equal("不能修改自己的角色。", ex.Message);
        Assert.Equal(Roles.Admin, (await db.Admin.GetAsync(admin.Id)).Role);
    }

    [Fact]
    public async Task ChangeRole_DemotingTheLastUnlockedAdmin_IsRefused()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        var other = await db.AddUserAsync("admin2@example.com", Roles.Admin);
        await db.Admin.LockAsync(other.Id, admin.Id);

        using var _ = new CultureScope("en");
        var ex = await Assert.ThrowsAsync<ConflictException>(() => db.Admin.ChangeRoleAsync(admin.Id, Roles.Manager, actorId: null));

        Assert.Contains("last unlocked Admin", ex.Message);
        Assert.Equal(Roles.Admin, (await db.Admin.GetAsync(admin.Id)).Role);
    }

    [Fact]
    public async Task ChangeRole_DemotingAnAdmin_WorksWhileAnotherAdminIsUnlocked()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        var other = await db.AddUserAsync("admin2@example.com", Roles.Admin);

        var changed = await db.Admin.ChangeRoleAsync(other.Id, Roles.Viewer, admin.Id);

        Assert.Equal(Roles.Viewer, changed.Role);
    }

    [Fact]
    public async Task Lock_Oneself_IsRefused()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        await db.AddUserAsync("admin2@example.com", Roles.Admin);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => db.Admin.LockAsync(admin.Id, admin.Id));

        Assert.False((await db.Admin.GetAsync(admin.Id)).IsLocked);
        Assert.NotEmpty(ex.Message);
    }

    [Fact]
    public async Task Lock_TheLastUnlockedAdmin_IsRefused()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        var manager = await db.AddUserAsync("manager@example.com", Roles.Manager);

        using var _ = new CultureScope("zh-CN");
        var ex = await Assert.ThrowsAsync<ConflictException>(() => db.Admin.LockAsync(admin.Id, manager.Id));

        Assert.StartsWith("这是最后一个未锁定的管理员", ex.Message);
        Assert.False((await db.Admin.GetAsync(admin.Id)).IsLocked);
    }

    [Fact]
    public async Task Lock_ThenTheUserCannotSignIn_UntilUnlockedWhichAlsoResetsFailures()
    {
        var admin = await db.AddUserAsync("admin@example.com", Roles.Admin);
        var op = await db.AddUserAsync("op@example.com", Roles.Operator);
        await db.CheckPasswordAsync("op@example.com", "wrong-password-1");

        var locked = await db.Admin.LockAsync(op.Id, admin.Id);

        Assert.True(locked.IsLocked);
        Assert.True((await db.CheckPasswordAsync("op@example.com", "secret-2026")).IsLockedOut);

        var unlocked = await db.Admin.UnlockAsync(op.Id);

        Assert.False(unlocked.IsLocked);
        Assert.Equal(0, await db.WithUserManagerAsync(async users => await users.GetAccessFailedCountAsync((await users.FindByIdAsync(op.Id))!)));
        Assert.True((await db.CheckPasswordAsync("op@example.com", "secret-2026")).Succeeded);
    }

    [Fact]
    public async Task Lock_UnknownUser_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => db.Admin.LockAsync("no-such-id", null));
    }

    [Fact]
    public async Task CreateFirstAdmin_MakesAnAdmin_ThenRefusesOnceAnyUserExists()
    {
        var first = await db.Admin.CreateFirstAdminAsync(new NewUserInput
        {
            Email = "boss@example.com", DisplayName = "老板", Password = "secret-2026", Role = Roles.Viewer,
        });

        Assert.Equal(Roles.Admin, first.Role);
        await Assert.ThrowsAsync<ConflictException>(() => db.Admin.CreateFirstAdminAsync(new NewUserInput
        {
            Email = "other@example.com", DisplayName = "别人", Password = "secret-2026",
        }));
    }

    [Fact]
    public async Task CreateFirstAdmin_SubmittedTwiceAtOnce_CreatesExactlyOneAdmin()
    {
        var attempts = Enumerable.Range(1, 4).Select(i => Task.Run(() => db.Admin.CreateFirstAdminAsync(new NewUserInput
        {
            Email = $"boss{i}@example.com", DisplayName = $"老板{i}", Password = "secret-2026",
        })));

        var results = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                return await a;
            }
            catch (ConflictException)
            {
                return null;
            }
        }));

        Assert.Single(results, r => r is not null);
        Assert.Equal(1, (await db.Admin.ListAsync(new UserQuery())).TotalCount);
    }

    [Fact]
    public async Task List_PagesAndSortsByRole()
    {
        await db.AddUserAsync("v@example.com", Roles.Viewer);
        await db.AddUserAsync("a@example.com", Roles.Admin);
        await db.AddUserAsync("m@example.com", Roles.Manager);

        var page = await db.Admin.ListAsync(new UserQuery { SortBy = "Role", Skip = 1, Take = 1 });

        Assert.Equal(3, page.TotalCount);
        Assert.Equal("m@example.com", Assert.Single(page.Items).Email);
        Assert.Equal(Roles.Manager, page.Items[0].Role);
    }
}
