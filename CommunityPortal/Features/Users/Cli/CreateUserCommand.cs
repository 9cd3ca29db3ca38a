using CommunityPortal.Features.Users.Manage;

using CommunityPortal.Infrastructure.Admin;
namespace CommunityPortal.Features.Users.Cli;

/// <summary>`admin create-user --email E --password P --role R [--display-name N]`.</summary>
public sealed class CreateUserCommand : IAdminCommand
{
    public string Name => "create-user";

    public string Usage => "--email E --password P --role R [--display-name N]";

    public string Description =>
        "Creates a user who can sign in at once. R is Admin, Manager, Operator or Viewer;\n" +
        "the display name defaults to the part of the e-mail before '@'.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var options = CliArguments.Parse(args, ["email", "password", "role", "display-name"]);
        var email = options.Required("email").Trim();
        var password = options.Required("password");
        var role = AdminCli.ParseRole(options.Required("role"));
        var displayName = options.Optional("display-name") ?? email.Split('@')[0];

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var user = await users.CreateAsync(new NewUserInput { Email = email, Password = password, Role = role, DisplayName = displayName }, ct);
        output.WriteLine($"Created user {user.Email} ({user.DisplayName}) with role {user.Role}.");
        return 0;
    }
}
