using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace CommunityPortal.Tests.E2E.Infrastructure;

/// <summary>
/// The portal as an operator installs it: `dotnet publish` of the build under test into a folder of its own, started with
/// `dotnet CommunityPortal.dll` from a different working directory (as a systemd unit with WorkingDirectory= would),
/// its data in a third folder given by Portal__DataPath.
/// </summary>
public sealed partial class PublishedPortal : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cp-tests", $"published-{Guid.NewGuid():N}");
    private readonly StringBuilder _log = new();
    private Process? _server;

    public string AppDirectory => Path.Combine(_root, "app");

    /// <summary>The working directory the portal is started from: it holds nothing of the portal.</summary>
    public string WorkingDirectory => Path.Combine(_root, "elsewhere");

    public string DataDirectory => Path.Combine(_root, "data");

    public string BaseUrl { get; private set; } = "";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingDirectory);
        await PublishAsync();
        _server = Start(["--urls", "http://127.0.0.1:0"]);
        BaseUrl = await ListeningAddressAsync(_server);
    }

    /// <summary>Runs the published binary's admin CLI (same folders and settings as the server).</summary>
    public async Task<(int Code, string Output)> AdminAsync(params string[] args)
    {
        using var process = Start(["admin", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, Log);
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>Publishes the app already built for this test run (same configuration, no second build).</summary>
    private async Task PublishAsync()
    {
        var project = Path.Combine(RepositoryRoot(), "CommunityPortal", "CommunityPortal.csproj");
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", project, "--no-build", "-c", configuration, "-o", AppDirectory, "-nologo" })
        {
            start.ArgumentList.Add(arg);
        }
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await publish.WaitForExitAsync(timeout.Token);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {await output}{await error}");
        }
    }

    private Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppDirectory, "CommunityPortal.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataPath"] = DataDirectory;
        start.Environment.Remove("ConnectionStrings__Portal");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private async Task<string> ListeningAddressAsync(Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (Listening().Match(Log) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
            if (server.HasExited)
            {
                break;
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("The published portal did not start listening:\n" + Log);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunityPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CommunityPortal.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
