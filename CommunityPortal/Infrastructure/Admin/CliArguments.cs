
namespace CommunityPortal.Infrastructure.Admin;

/// <summary>A usage mistake (unknown option, missing value …): exit code 2 with a one-line message.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// Options of one command: `--name value`, `--name=value` and flags such as `--force`.
/// Only the options the command declares are accepted, so a typo fails loudly instead of being ignored.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    /// <param name="valueOptions">Options that take a value, without the leading dashes.</param>
    /// <param name="flags">Options without a value.</param>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string>? flags = null)
    {
        flags ??= [];
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new CliUsageException($"unexpected argument '{arg}'");
            }
            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            if (result._values.ContainsKey(name))
            {
                throw new CliUsageException($"--{name} is given twice");
            }
            if (flags.Contains(name))
            {
                if (value is not null)
                {
                    throw new CliUsageException($"--{name} takes no value");
                }
                result._values[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliUsageException($"--{name} needs a value");
                    }
                    value = args[++i];
                }
                result._values[name] = value;
            }
            else
            {
                throw new CliUsageException($"unknown option --{name}");
            }
        }
        return result;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Optional(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) =>
        Optional(name) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CliUsageException($"--{name} is required");
}
