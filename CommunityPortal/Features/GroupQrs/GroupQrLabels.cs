using System.Globalization;
using CommunityPortal.Infrastructure.Time;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>How the panel writes times and sizes: stored times are UTC, people read them on the portal's clock.</summary>
internal static class GroupQrLabels
{
    public static string Time(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>"412 KB" under a megabyte, else "3.4 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : $"{(bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture)} MB";
}
