using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.E2E.Infrastructure;

/// <summary>The real app on a real Kestrel port over its own empty SQLite file: one per browser test class.</summary>
public sealed class PortalServer : PortalWebFactory
{
    private string? _baseUrl;

    public string BaseUrl => _baseUrl ??= Start();

    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>Creates a user directly (as the CLI would), for tests that are not about setup. Idempotent.</summary>
    public async Task CreateUserAsync(string email, string password, string role, string? displayName = null)
    {
        _ = BaseUrl;
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
    }

    private string Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
    }
}
