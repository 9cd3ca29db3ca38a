namespace CommunityPortal.Tests.Features.Indices;

/// <summary>
/// The app for the index tests: over a database file the test names (so a second app can start over the same data and
/// rebuild the indices from it), in the given team time zone, with the public sign-up page's per-address limit off.
/// The first app makes the API keys (<paramref name="apiKeys"/>); a second one over the same file reuses them.
/// </summary>
public sealed class IndexSite(string databasePath, string timeZone = IndexSite.Shanghai, bool apiKeys = true) : PortalFactory(new()
{
    ApiKeys = apiKeys,
    DatabasePath = databasePath,
    Settings = { ["Portal:TimeZone"] = timeZone, ["Signups:PostsPerMinutePerAddress"] = "0" },
})
{
    public const string Shanghai = "Asia/Shanghai";

    /// <summary>+05:30 all year: a zone whose midnight is not on a whole UTC hour.</summary>
    public const string Kolkata = "Asia/Kolkata";

    public string DatabasePath { get; } = databasePath;

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    /// <summary>A database file of the test's own, to delete with <see cref="DeleteDatabase"/>.</summary>
    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "cp-tests", $"indices-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
