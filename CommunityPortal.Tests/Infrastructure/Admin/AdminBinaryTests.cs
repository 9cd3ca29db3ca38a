using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CommunityPortal.Tests.Infrastructure.Admin;

/// <summary>The real built binary, as an operator runs it: `dotnet CommunityPortal.dll admin ...` in its own process.</summary>
public sealed class AdminBinaryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cp-tests", $"cli-{Guid.NewGuid():N}");

    public AdminBinaryTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task Binary_CreatesUserAndKey_AndFailsWithNonZeroExitCodes()
    {
        var created = await RunAsync("admin", "create-user", "--email", "ops@example.com", "--password", "secret-2026", "--role", "Admin");
        Assert.True(created.Code == 0, created.Error);
        Assert.Equal("Created user ops@example.com (ops) with role Admin.", created.Output.Trim());

        var duplicate = await RunAsync("admin", "create-user", "--email", "ops@example.com", "--password", "secret-2026", "--role", "Admin");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already in use", duplicate.Error);

        var usage = await RunAsync("admin", "create-user", "--email", "x@example.com");
        Assert.Equal(2, usage.Code);

        var key = await RunAsync("admin", "create-api-key", "--name", "etl", "--role", "Viewer");
        Assert.True(key.Code == 0, key.Error);
        Assert.StartsWith("cpk_", key.Output.TrimEnd().Split('\n')[^1]);

        // The database went where the connection string said.
        Assert.True(File.Exists(Path.Combine(_directory, "portal.db")));
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CommunityPortal.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(_directory, "portal.db")}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
