namespace CommunityPortal.Data;

/// <summary>The database on disk is not one this build can upgrade safely; nothing was changed (start-up stops).</summary>
public sealed class DatabaseUpgradeRefusedException(string message) : Exception(message);
