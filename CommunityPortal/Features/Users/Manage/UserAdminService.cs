using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Users.FirstRun;
using CommunityPortal.Infrastructure.Security;
namespace CommunityPortal.Features.Users.Manage;

/// <summary>
/// Creates users, changes their role and locks or unlocks them. Every change runs in its own DI scope, so a
/// long-lived Blazor circuit never holds tracked users that another admin changed meanwhile.
/// Rules: nobody locks or re-roles themself, and the last unlocked Admin can be neither locked nor demoted.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> dbFactory,
    UserAccountsState state,
    IStringLocalizer<UsersText> text,
    IStringLocalizer<ValidationText> validationText)
{
    /// <summary>Lockout end used for "locked by an admin": far enough to mean "until unlocked".</summary>
    public static readonly DateTimeOffset LockedUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public ValueTask<bool> AnyUserExistsAsync(CancellationToken ct = default) => state.HasUsersAsync(ct);

    public async Task<PagedResult<UserDto>> ListAsync(UserQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Users.AsNoTracking().Select(u => new
        {
            u.Id,
            Email = u.Email ?? "",
            u.DisplayName,
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                .OrderBy(name => name)
                .FirstOrDefault() ?? "",
            u.LockoutEnd,
            u.CreatedAt,
        });
        if (Text.Clean(query.Search) is { } search)
        {
            rows = rows.Where(u => u.Email.Contains(search) || (u.DisplayName != null && u.DisplayName.Contains(search)));
        }
        var total = await rows.CountAsync(ct);
        rows = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("displayname", false) => rows.OrderBy(u => u.DisplayName).ThenBy(u => u.Email),
            ("displayname", true) => rows.OrderByDescending(u => u.DisplayName).ThenBy(u => u.Email),
            ("role", false) => rows.OrderBy(u => u.Role).ThenBy(u => u.Email),
            ("role", true) => rows.OrderByDescending(u => u.Role).ThenBy(u => u.Email),
            ("createdat", false) => rows.OrderBy(u => u.CreatedAt),
            ("createdat", true) => rows.OrderByDescending(u => u.CreatedAt),
            (_, true) => rows.OrderByDescending(u => u.Email),
            _ => rows.OrderBy(u => u.Email),
        };
        var take = Math.Clamp(query.Take, 1, UserQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        // LockoutEnd is compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        var page = await rows.Skip(skip).Take(take).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return new PagedResult<UserDto>(
            [.. page.Select(u => new UserDto(u.Id, u.Email, u.DisplayName, u.Role, u.LockoutEnd > now, u.CreatedAt))],
            total, skip, take);
    }

    public async Task<UserDto> GetAsync(string id, CancellationToken ct = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(id) ?? throw NotFound();
        return await ToDtoAsync(users, user);
    }

    public async Task<UserDto> CreateAsync(NewUserInput input, CancellationToken ct = default)
    {
        using var _ = await state.EnterAsync(ct);
        return await CreateCoreAsync(input, ct);
    }

    /// <summary>
    /// The one-time setup: creates the first Admin, or refuses with a <see cref="ConflictException"/> once any user
    /// exists. Serialized and re-checked inside the gate, so two simultaneous submits cannot make two admins.
    /// </summary>
    public async Task<UserDto> CreateFirstAdminAsync(NewUserInput input, CancellationToken ct = default)
    {
        using var _ = await state.EnterAsync(ct);
        if (await state.HasUsersAsync(ct))
        {
            throw new ConflictException(text["SetupDone"]);
        }
        input.Role = Roles.Admin;
        return await CreateCoreAsync(input, ct);
    }

    public async Task<UserDto> ChangeRoleAsync(string userId, string role, string? actorId, CancellationToken ct = default)
    {
        var canonical = Roles.Normalize(role) ?? throw Invalid(nameof(NewUserInput.Role), "Invalid");
        using var _ = await state.EnterAsync(ct);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw NotFound();
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == canonical)
        {
            return await ToDtoAsync(users, user);
        }
        if (user.Id == actorId)
        {
            throw new ConflictException(text["CannotChangeOwnRole"]);
        }
        if (current.Contains(Roles.Admin) && !IsLocked(user))
        {
            await EnsureAnotherUnlockedAdminAsync(users, user);
        }
        await using var tx = await Db(scope).Database.BeginTransactionAsync(ct);
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, canonical));
        // A new stamp makes the user's cookie re-validate, so old role claims do not linger.
        Check(await users.UpdateSecurityStampAsync(user));
        await tx.CommitAsync(ct);
        return await ToDtoAsync(users, user);
    }

    public async Task<UserDto> LockAsync(string userId, string? actorId, CancellationToken ct = default)
    {
        using var _ = await state.EnterAsync(ct);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw NotFound();
        if (user.Id == actorId)
        {
            throw new ConflictException(text["CannotLockSelf"]);
        }
        if (await users.IsInRoleAsync(user, Roles.Admin) && !IsLocked(user))
        {
            await EnsureAnotherUnlockedAdminAsync(users, user);
        }
        await using var tx = await Db(scope).Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, LockedUntil));
        // Ends the user's open sessions at their next cookie validation.
        Check(await users.UpdateSecurityStampAsync(user));
        await tx.CommitAsync(ct);
        return await ToDtoAsync(users, user);
    }

    public async Task<UserDto> UnlockAsync(string userId, CancellationToken ct = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId) ?? throw NotFound();
        await using var tx = await Db(scope).Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await tx.CommitAsync(ct);
        return await ToDtoAsync(users, user);
    }

    private async Task<UserDto> CreateCoreAsync(NewUserInput input, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = Users(scope);
        var email = input.Email?.Trim() ?? "";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Text.Clean(input.DisplayName),
            CreatedAt = DateTime.UtcNow,
        };
        var role = Roles.Normalize(input.Role);
        await new NewUserValidator(text, validationText).ValidateAsync(users, user, input.Password ?? "", role);

        await using var tx = await Db(scope).Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, input.Password!);
        FieldErrors.ThrowIfFailed(created);
        Check(await users.AddToRoleAsync(user, role!));
        await tx.CommitAsync(ct);
        state.MarkHasUsers();
        return await ToDtoAsync(users, user);
    }

    private async Task EnsureAnotherUnlockedAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        if (!admins.Any(a => a.Id != user.Id && !IsLocked(a)))
        {
            throw new ConflictException(text["LastAdmin"]);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    internal static bool IsLocked(ApplicationUser user) => user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;

    private static async Task<UserDto> ToDtoAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return new UserDto(user.Id, user.Email ?? "", user.DisplayName, roles.Order(StringComparer.Ordinal).FirstOrDefault() ?? "",
            IsLocked(user), user.CreatedAt);
    }

    private static UserManager<ApplicationUser> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    private static PortalDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<PortalDbContext>();

    private PortalValidationException Invalid(string field, string key) =>
        new(new Dictionary<string, string[]> { [field] = [validationText[key, validationText["Field." + field]]] });

    private NotFoundException NotFound() => new(text["UserNotFound"]);
}
