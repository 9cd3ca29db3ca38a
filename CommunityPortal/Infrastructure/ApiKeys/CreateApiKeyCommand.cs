using CommunityPortal.Infrastructure.ApiKeys;

using CommunityPortal.Infrastructure.Admin;
namespace CommunityPortal.Infrastructure.ApiKeys;

/// <summary>`admin create-api-key --name N --role R`: the key is printed once, alone on the last line.</summary>
public sealed class CreateApiKeyCommand : IAdminCommand
{
    public string Name => "create-api-key";

    public string Usage => "--name N --role R";

    public string Description =>
        "Creates a key for the REST API (header X-Api-Key) acting with role R. The key is printed\n" +
        "once, alone on the last line (`| tail -1`); only its SHA-256 hash is stored.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var options = CliArguments.Parse(args, ["name", "role"]);
        var name = options.Required("name");
        var role = AdminCli.ParseRole(options.Required("role"));

        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync(name, role, ct);
        output.WriteLine($"Created API key '{created.Key.Name}' (role {created.Key.Role}, prefix {created.Key.Prefix}). Copy it now: it is not shown again.");
        output.WriteLine(created.Secret);
        return 0;
    }
}
