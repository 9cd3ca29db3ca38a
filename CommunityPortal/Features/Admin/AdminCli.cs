namespace CommunityPortal.Features.Admin;

/// <summary>`CommunityPortal admin &lt;command&gt;`: create-user, create-api-key, seed-demo.</summary>
public static class AdminCli
{
    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] == "admin";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        _ = services;
        _ = output;
        error.WriteLine($"Unknown admin command: {string.Join(' ', args)}");
        return Task.FromResult(2);
    }
}
