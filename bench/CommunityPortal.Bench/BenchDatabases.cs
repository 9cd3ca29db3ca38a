using CommunityPortal.Data;
using CommunityPortal.Features.Seeding.Demo;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityPortal.Bench;

/// <summary>
/// The demo database with N members, made once by the real admin commands (`admin create-user`, then
/// `admin seed-demo --members N`: the demo matrix, then the members, their tags and group stays) and kept in the temp
/// folder, so later runs and every benchmark case of a run start at once. Delete the file to make it again.
/// </summary>
internal static class BenchDatabases
{
    /// <summary>CP_BENCH_MEMBERS overrides the 200,000 members of the target.</summary>
    public static int MemberCount =>
        int.TryParse(Environment.GetEnvironmentVariable("CP_BENCH_MEMBERS"), out var count) && count > 0 ? count : 200_000;

    public static string DemoMembers(int members)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cp-bench-demo-{members}-v1.db");
        if (File.Exists(path))
        {
            return path;
        }
        var partial = path + ".partial";
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(partial + suffix);
        }
        Console.WriteLine($"// Seeding {members:N0} demo members into {path} (once; admin seed-demo --members {members}) ...");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = $"Data Source={partial}",
            ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "cp-bench-keys"),
        });
        AdminCli.ConfigureLogging(builder.Logging);
        builder.Services.AddPortal(builder.Configuration);
        using (var app = builder.Build())
        {
            Run(app.Services, "create-user", "--email", "bench-admin@example.com", "--password", "Bench-admin-2026", "--role", "Admin");
            Run(app.Services, "seed-demo", "--members", members.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        using (var connection = new SqliteConnection($"Data Source={partial}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, path);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(partial + suffix);
        }
        return path;
    }

    /// <summary>The member services (and the API's events service) over the database file, as the app registers them.</summary>
    public static ServiceProvider Services(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={path}" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddMatrix();
        services.AddLiveCodes();
        services.AddMembers();
        return services.BuildServiceProvider();
    }

    private static void Run(IServiceProvider services, params string[] args)
    {
        var exit = AdminCli.RunAsync(services, args, Console.Out, Console.Error).GetAwaiter().GetResult();
        if (exit != 0)
        {
            throw new InvalidOperationException($"admin {string.Join(' ', args)} failed with exit code {exit}.");
        }
    }
}
