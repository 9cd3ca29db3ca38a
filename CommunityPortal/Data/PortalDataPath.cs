namespace CommunityPortal.Data;

/// <summary>
/// Where the portal keeps its files: <c>Portal:DataPath</c> (env <c>Portal__DataPath</c>), default <c>data</c> relative
/// to the working directory as it always was. The SQLite file (unless <c>ConnectionStrings:Portal</c> names another)
/// and the sign-in keys (unless <c>DataProtection:KeysPath</c> does) live there. Independent of where the binaries are:
/// a service can run the published app from /opt/portal with <c>Portal__DataPath=/var/lib/portal</c>.
/// </summary>
public static class PortalDataPath
{
    public const string Key = "Portal:DataPath";
    public const string Default = "data";

    public static string Resolve(IConfiguration configuration)
    {
        var path = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Default : path);
    }

    public static string DefaultConnectionString(IConfiguration configuration) =>
        $"Data Source={Path.Combine(Resolve(configuration), "portal.db")}";
}
