using System.Net.Http.Headers;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Api;

/// <summary>
/// The app in-process over its own database, with an API key for each role and a portal user who can own groups.
/// Keys are made the way an admin makes them: through ApiKeyService.
/// </summary>
public sealed class ApiFactory : PortalWebFactory, IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.cn";

    private readonly Dictionary<string, string> _keys = [];

    public async Task InitializeAsync()
    {
        foreach (var role in Roles.All)
        {
            _keys[role] = (await CreateKeyAsync($"test-{role}", role)).Secret;
        }
        await CreateUserAsync(OwnerEmail, Roles.Operator);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A client that sends the role's key; no Accept-Language unless given (the API then speaks zh-CN).</summary>
    public HttpClient ClientAs(string role, string? language = null) => Client(_keys[role], language);

    /// <summary>A client that sends the given key (or none); it never follows redirects, so a login redirect would show.</summary>
    public HttpClient Client(string? key, string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return client;
    }

    public async Task<CreatedApiKey> CreateKeyAsync(string name, string role)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, role);
    }

    public async Task RevokeKeyAsync(int id)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(id);
    }

    public async Task CreateUserAsync(string email, string role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, "Owner-secret-2026");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
