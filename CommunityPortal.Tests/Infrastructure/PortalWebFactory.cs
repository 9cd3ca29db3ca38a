using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CommunityPortal.Tests.Infrastructure;

/// <summary>The whole app in-process over its own SQLite file, for endpoint tests (and, with Kestrel, browser tests).</summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cp-tests", $"web-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }
        }
    }
}
