using System.Security.Cryptography;
using System.Text;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Infrastructure.Admin;

public sealed class AdminCliTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Help_ListsEveryCommand_AndExitsZero()
    {
        var (code, output, error) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("create-user --email E --password P --role R", output);
        Assert.Contains("create-api-key --name N --role R", output);
        Assert.Contains("seed-demo", output);
    }

    [Theory]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "create-user", "--email", "x@example.com", "--password", "secret-2026")]
    [InlineData(2, "create-user", "--email", "x@example.com", "--password", "secret-2026", "--role", "Boss")]
    [InlineData(2, "create-user", "--email", "x@example.com", "--password", "secret-2026", "--role", "Admin", "--colour", "red")]
    [InlineData(2, "create-user", "--email")]
    [InlineData(2, "create-api-key", "--name", "k")]
    [InlineData(1, "create-user", "--email", "x@example.com", "--password", "short", "--role", "Viewer")]
    [InlineData(1, "create-user", "--email", "not-an-email", "--password", "secret-2026", "--role", "Viewer")]
    public async Task BadArguments_ExitNonZero_WithOneLineMessage(int expected, params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(expected, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task CreateUser_WithWeakPassword_SaysWhichRuleInEnglish()
    {
        var (code, _, error) = await RunAsync("create-user", "--email", "weak@example.com", "--password", "abcdefgh", "--role", "Viewer");

        Assert.Equal(1, code);
        Assert.Equal("error: --password: Passwords must have at least one digit ('0'-'9').", error.TrimEnd());
    }

    [Fact]
    public async Task CreateUser_CreatesAUserWithRole_AndRefusesTheSameEmailTwice()
    {
        var (code, output, _) = await RunAsync("create-user", "--email", "cli@example.com", "--password", "secret-2026", "--role", "manager",
            "--display-name", "经理老张");

        Assert.Equal(0, code);
        Assert.Contains("cli@example.com", output);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync("cli@example.com");
            Assert.NotNull(user);
            Assert.Equal("经理老张", user.DisplayName);
            Assert.Equal([Roles.Manager], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, "secret-2026"));
        }

        var (again, _, error) = await RunAsync("create-user", "--email", "CLI@example.com", "--password", "secret-2026", "--role", "Viewer");
        Assert.Equal(1, again);
        Assert.Equal("error: --email: This email is already in use.", error.TrimEnd());
    }

    [Fact]
    public async Task CreateApiKey_PrintsTheKeyAloneOnTheLastLine_AndStoresOnlyItsHash()
    {
        var (code, output, error) = await RunAsync("create-api-key", "--name", "ci-bot", "--role", "Operator");

        Assert.Equal(0, code);
        Assert.Empty(error);
        var secret = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith(ApiKeyService.SecretPrefix, secret);
        Assert.True(secret.Length > 40);

        using var scope = factory.Services.CreateScope();
        var identity = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().AuthenticateAsync(secret);
        Assert.Equal(("ci-bot", Roles.Operator), (identity?.Name, identity?.Role));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<ApiKey>().SingleAsync(k => k.Name == "ci-bot");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored.KeyHash);
        Assert.False(DatabaseFilesContain(secret), "the plain key must not be stored anywhere in the database");

        var (again, _, duplicate) = await RunAsync("create-api-key", "--name", "ci-bot", "--role", "Viewer");
        Assert.Equal(1, again);
        Assert.StartsWith("error: --name:", duplicate);
    }

    private bool DatabaseFilesContain(string secret)
    {
        var needle = Encoding.UTF8.GetBytes(secret[ApiKeyService.SecretPrefix.Length..]);
        var path = new SqliteConnectionStringBuilder(factory.ConnectionString).DataSource;
        return new[] { "", "-wal" }.Where(s => File.Exists(path + s)).Any(s =>
        {
            using var stream = new FileStream(path + s, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AdminCli.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
