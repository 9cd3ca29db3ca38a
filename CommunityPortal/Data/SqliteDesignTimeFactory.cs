using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunityPortal.Data;

/// <summary>
/// What `dotnet ef` builds the SQLite context with, instead of starting the web app (which would read the
/// configuration and create the data folder and its keys). `migrations add` and `migrations script` never open
/// the connection; a command that does gets an empty in-memory database unless `--connection` names a file.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseRegistration.Configure(options, "Data Source=:memory:");
        return new SqlitePortalDbContext(options.Options);
    }
}
