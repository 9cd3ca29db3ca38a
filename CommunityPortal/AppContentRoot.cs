namespace CommunityPortal;

/// <summary>
/// A published portal serves its pages, styles and scripts from the folder it was published to, whatever the working
/// directory (a systemd unit with WorkingDirectory=/var/lib/portal, a script that cd's elsewhere). ASP.NET Core takes
/// the working directory as content root by default, and then answers every static file with 200 and no bytes.
/// </summary>
internal static class AppContentRoot
{
    /// <summary>The app's own folder when it is a published build (it has wwwroot beside the dll); otherwise null,
    /// keeping the default (under `dotnet run` the project folder, whose wwwroot the build's manifest maps).</summary>
    public static string? Resolve() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
}
