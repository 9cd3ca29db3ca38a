using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace CommunityPortal.Data;

internal static class DataProtectionSetup
{
    /// <summary>
    /// Keeps the cookie-encryption keys beside the database (DataProtection:KeysPath, default keys/ beside the database file),
    /// so a restart or a new container on the same volume does not sign everybody out.
    /// </summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["DataProtection:KeysPath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            var connectionString = configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName);
            var dataSource = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? PortalDataPath.DefaultConnectionString(configuration) : connectionString).DataSource;
            if (string.IsNullOrEmpty(dataSource) || dataSource.StartsWith(':') || dataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
            {
                return services;
            }
            path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".", "keys");
        }
        Directory.CreateDirectory(path);
        services.AddDataProtection()
            .SetApplicationName("CommunityPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(path));
        return services;
    }
}
