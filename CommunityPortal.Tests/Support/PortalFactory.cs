using System.Net.Http.Headers;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Support;

/// <summary>What a feature's tests need of the app: the one factory reads these, each profile sets its own.</summary>
public sealed record PortalFactoryOptions
{
    /// <summary>Settings over appsettings (e.g. a throttle a test turns off).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>A database file of the test's own (to restart an app over the same data); null: a fresh file per factory.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Sign in by the "X-Test-Role"/"X-Test-User" headers instead of the cookie.</summary>
    public bool HeaderAuth { get; init; }

    /// <summary>An API key per role and a portal user who can own groups, made at start (see <see cref="ClientAs"/>).</summary>
    public bool ApiKeys { get; init; }

    /// <summary>A real Kestrel port (browser tests): <see cref="PortalFactory.BaseUrl"/>.</summary>
    public bool Kestrel { get; init; }

    /// <summary>A clock the test moves (SOP reminders, overdue tasks, the task horizon); null: the real clock.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services put over the app's (e.g. fakes the test drives); registered last, so they win.</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>With <see cref="Kestrel"/>: the port to listen on (a test restarting the app on the same address); null: any free port.</summary>
    public int? Port { get; init; }
}

/// <summary>
/// The whole app in-process over its own SQLite file: endpoint tests, and with Kestrel browser tests. xUnit needs a
/// parameterless fixture type, so a feature's tests name a one-line profile (SignupSite, ApiSite, HeaderAuthSite, PortalServer).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.cn";

    private readonly PortalFactoryOptions _options;
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"web-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string> _keys = [];
    private string? _baseUrl;

    /// <summary>The app as it starts with no options (xUnit builds a class fixture through its one public constructor).</summary>
    public PortalFactory()
        : this(new PortalFactoryOptions())
    {
    }

    /// <summary>For profiles: the options a feature's tests need.</summary>
    protected PortalFactory(PortalFactoryOptions options) => _options = options;

    public string ConnectionString => $"Data Source={_options.DatabasePath ?? _path}";

    public string BaseUrl => _baseUrl ??= Start();

    public string Url(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        foreach (var (key, value) in _options.Settings)
        {
            builder.UseSetting(key, value);
        }
        if (_options.Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        if (_options.Services is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }
        if (_options.HeaderAuth)
        {
            builder.ConfigureTestServices(services => services
                .AddAuthentication(o =>
                {
                    o.DefaultScheme = HeaderAuthentication.Name;
                    o.DefaultAuthenticateScheme = HeaderAuthentication.Name;
                    o.DefaultChallengeScheme = HeaderAuthentication.Name;
                    o.DefaultForbidScheme = HeaderAuthentication.Name;
                })
                .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.Name, _ => { }));
        }
    }

    public async Task InitializeAsync()
    {
        if (!_options.ApiKeys)
        {
            return;
        }
        // Made the way an admin makes them: through ApiKeyService.
        foreach (var role in Roles.All)
        {
            _keys[role] = (await CreateKeyAsync($"test-{role}", role)).Secret;
        }
        await CreateUserAsync(OwnerEmail, "Owner-secret-2026", Roles.Operator);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A client signed in as the role: with header sign-in, <paramref name="other"/> is the user id (default "user-id");
    /// otherwise the role's API key is sent and <paramref name="other"/> is the Accept-Language (none: the API speaks zh-CN).
    /// </summary>
    public HttpClient ClientAs(string role, string? other = null)
    {
        if (!_options.HeaderAuth)
        {
            return Client(_keys[role], other);
        }
        var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(HeaderAuthentication.RoleHeader, role);
        client.DefaultRequestHeaders.Add(HeaderAuthentication.UserHeader, other ?? "user-id");
        return client;
    }

    /// <summary>A client that sends the given API key (or none); it never follows redirects, so a login redirect would show.</summary>
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

    /// <summary>Creates a user directly (as the CLI would), for tests that are not about setup. Idempotent.</summary>
    public async Task CreateUserAsync(string email, string password, string role, string? displayName = null)
    {
        if (_options.Kestrel)
        {
            // The server must start on its port before Services would start the in-memory one.
            _ = BaseUrl;
        }
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
        UseKestrel(_options.Port ?? 0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            // A given database file is the test's own to delete.
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }
        }
    }
}
