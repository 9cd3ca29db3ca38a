using CommunityPortal.Data;
using CommunityPortal.Data.Migrations;

namespace CommunityPortal.Tests.Data;

/// <summary>
/// Only a database that really is the release's is taken over; any other database with tables is refused at start-up
/// with the reason, and not one byte of its schema, history or rows changes.
/// </summary>
public sealed class HandWrittenMigrationsTests
{
    [Fact]
    public async Task ReleaseHistory_WithAChangedSchema_IsRefusedUnchanged()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync();
        await release.ExecuteAsync("DROP INDEX IX_Scans_VisitorKey; ALTER TABLE Members ADD COLUMN Nickname2 TEXT NULL;");

        var error = await RefusedUnchangedAsync(release);

        Assert.Contains("its schema is not theirs", error);
        Assert.Contains("missing Scans: index IX_Scans_VisitorKey c (VisitorKey BINARY)", error);
        Assert.Contains("unexpected Members: column Nickname2 TEXT NULL", error);
    }

    [Fact]
    public async Task DatabaseOfAnOlderBuild_WithPartOfTheHandWrittenSet_IsRefusedUnchanged()
    {
        await using var older = await ReleaseDatabaseFile.CreateAsync(withRows: false, migrations: 4);

        var error = await RefusedUnchangedAsync(older);

        Assert.Contains("its history ends at 20261122160000_Members", error);
        Assert.Contains("Open it once with that release", error);
    }

    [Fact]
    public async Task ReleaseDatabase_WithAMigrationThisBuildDoesNotKnow_IsRefusedUnchanged()
    {
        await using var release = await ReleaseDatabaseFile.CreateAsync();
        await release.ExecuteAsync("INSERT INTO __EFMigrationsHistory VALUES ('20270101000000_FromANewerBuild', '10.0.15')");

        var error = await RefusedUnchangedAsync(release);

        Assert.Contains("lists 20270101000000_FromANewerBuild, which this build does not know", error);
    }

    [Fact]
    public async Task DatabaseWithTablesButNoHistory_IsRefusedUnchanged()
    {
        await using var foreign = await ReleaseDatabaseFile.CreateAsync(withRows: false, migrations: 0);
        await foreign.ExecuteAsync("CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT); INSERT INTO Notes VALUES (1, '别动我');");

        var error = await RefusedUnchangedAsync(foreign);

        Assert.Contains("it has tables (Notes) but no migration history", error);
    }

    /// <summary>Starts the app over the file, expects the refusal, and checks that nothing in the file changed.</summary>
    private static async Task<string> RefusedUnchangedAsync(ReleaseDatabaseFile file)
    {
        var before = await file.DumpAsync();

        var error = await Assert.ThrowsAsync<DatabaseUpgradeRefusedException>(file.StartUpAsync);

        Assert.StartsWith("Refusing to upgrade the database ", error.Message);
        Assert.EndsWith("Nothing was changed.", error.Message);
        Assert.Equal(before, await file.DumpAsync());
        return error.Message;
    }
}
