using System.Globalization;
using CommunityPortal.Common;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>How the panel writes times and sizes: stored times are UTC, people read them on the portal's clock.</summary>
internal static class GroupQrLabels
{
    public static string Time(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture);
}
