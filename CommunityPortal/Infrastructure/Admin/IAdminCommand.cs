
namespace CommunityPortal.Infrastructure.Admin;

/// <summary>One `CommunityPortal admin &lt;name&gt;` command.</summary>
public interface IAdminCommand
{
    string Name { get; }

    /// <summary>The arguments, e.g. "--name N --role R".</summary>
    string Usage { get; }

    /// <summary>What the command does, for --help (may span lines).</summary>
    string Description { get; }

    /// <summary>Returns the exit code. Failures throw (see AdminCli for how exceptions become messages).</summary>
    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct);
}
