namespace CommunityPortal.Tests.Features.LiveCodes.Scanning;

/// <summary>The app over a given database file, to restart an app over the same data.</summary>
public sealed class ScanSite(string databasePath) : PortalFactory(new() { DatabasePath = databasePath });
