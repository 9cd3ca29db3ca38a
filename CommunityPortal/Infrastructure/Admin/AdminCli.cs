using System.Globalization;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Security;
using Microsoft.Extensions.Logging.Console;

namespace CommunityPortal.Infrastructure.Admin;

/// <summary>
/// `CommunityPortal admin &lt;command&gt;` on the same binary and configuration as the web app (like Django's manage.py).
/// Exit codes: 0 done, 1 refused (bad input, duplicate, weak password …), 2 usage mistake. Every failure is one line
/// on stderr; messages are English (an ops tool). The commands are the IAdminCommand services the features register, in
/// registration order (AddAdminCommand).
/// </summary>
public static class AdminCli
{
    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] == "admin";

    /// <summary>Logs go to stderr (warnings and worse), so stdout carries only the command's output.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddFilter(null, LogLevel.Warning);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>Makes a command available as `admin &lt;its name&gt;`.</summary>
    public static IServiceCollection AddAdminCommand<TCommand>(this IServiceCollection services) where TCommand : class, IAdminCommand =>
        services.AddSingleton<IAdminCommand, TCommand>();

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var commands = services.GetServices<IAdminCommand>().ToArray();
        if (args.Length == 0)
        {
            WriteHelp(error, commands);
            return 2;
        }
        if (IsHelp(args[0]))
        {
            WriteHelp(output, commands);
            return 0;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"error: unknown admin command '{args[0]}' (see `admin --help`)");
            return 2;
        }
        if (args.Skip(1).Any(IsHelp))
        {
            WriteCommandHelp(output, command);
            return 0;
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await services.MigrateDatabaseAsync();
            await services.EnsureRolesAsync();
            return await command.RunAsync(services, args[1..], output, CancellationToken.None);
        }
        catch (CliUsageException ex)
        {
            error.WriteLine($"error: {command.Name}: {ex.Message} (usage: admin {command.Name} {command.Usage})");
            return 2;
        }
        catch (PortalValidationException ex)
        {
            error.WriteLine("error: " + string.Join(" ", ex.Errors.Select(e => $"{OptionOf(e.Key)}: {string.Join(" ", e.Value)}")));
            return 1;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or CliRefusedException or DatabaseUpgradeRefusedException)
        {
            error.WriteLine("error: " + ex.Message);
            return 1;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>Canonical role name, or a usage error listing the roles.</summary>
    internal static string ParseRole(string role) =>
        Roles.Normalize(role) ?? throw new CliUsageException($"unknown role '{role}' (use {string.Join(", ", Roles.All)})");

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "help";

    /// <summary>Service field names back to the option that carried them: DisplayName → --display-name.</summary>
    private static string OptionOf(string field) =>
        "--" + string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static void WriteHelp(TextWriter writer, IReadOnlyList<IAdminCommand> commands)
    {
        writer.WriteLine("Usage: CommunityPortal admin <command> [options]");
        writer.WriteLine();
        writer.WriteLine("Uses the portal's configuration (ConnectionStrings__Portal, default data/portal.db), applies");
        writer.WriteLine("pending migrations first, and exits 0 on success, 1 when refused, 2 on a usage mistake.");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        foreach (var command in commands)
        {
            WriteCommandHelp(writer, command);
        }
        writer.WriteLine("  --help");
        writer.WriteLine("      Shows this help; `admin <command> --help` shows one command.");
    }

    private static void WriteCommandHelp(TextWriter writer, IAdminCommand command)
    {
        writer.WriteLine($"  {command.Name} {command.Usage}".TrimEnd());
        foreach (var line in command.Description.Split('\n'))
        {
            writer.WriteLine("      " + line);
        }
    }
}

/// <summary>The command cannot run in the current state (e.g. seed-demo on a matrix that has data): exit code 1.</summary>
public sealed class CliRefusedException(string message) : Exception(message);
