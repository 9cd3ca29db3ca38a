using CommunityPortal.Data;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using CommunityPortal.Features.Users.Manage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Tests.Features.Users;

/// <summary>
/// A fresh migrated SQLite file with the app's Identity and user services over it (no web host), so rules that
/// count users (the last admin, the first admin) start from a known, empty state in every test.
/// </summary>
public sealed class UsersDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"users-{Guid.NewGuid():N}.db");

    private UsersDatabase()
    {
    }

    public ServiceProvider Services { get; private set; } = default!;

    public UserAdminService Admin => Services.GetRequiredService<UserAdminService>();

    public static async Task<UsersDatabase> CreateAsync()
    {
        var database = new UsersDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(database._path)!);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={database._path}" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddUsers();
        services.AddApiKeys();
        services.AddMatrix();
        database.Services = services.BuildServiceProvider();
        await database.Services.MigrateDatabaseAsync();
        await database.Services.EnsureRolesAsync();
        return database;
    }

    public Task<UserDto> AddUserAsync(string email, string role, string password = "secret-2026") =>
        Admin.CreateAsync(new NewUserInput { Email = email, DisplayName = email.Split('@')[0], Password = password, Role = role });

    /// <summary>Runs with a fresh UserManager, as a new request would.</summary>
    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    public async Task<SignInResult> CheckPasswordAsync(string email, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
