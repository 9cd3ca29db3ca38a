using CommunityPortal.Infrastructure.Time;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Matrix;

/// <summary>Display text for the matrix's enums, periods and dates, from MatrixText in the current culture.</summary>
public static class MatrixLabels
{
    public static string Label(this IStringLocalizer<MatrixText> text, GroupTier tier) => text[$"GroupTier.{tier}"];

    public static string Label(this IStringLocalizer<MatrixText> text, GroupStatus status) => text[$"GroupStatus.{status}"];

    public static string Label(this IStringLocalizer<MatrixText> text, GroupLifetime lifetime) => text[$"GroupLifetime.{lifetime}"];

    public static string Label(this IStringLocalizer<MatrixText> text, ActivityStatus status) => text[$"ActivityStatus.{status}"];

    /// <summary>第3期 / Period 3.</summary>
    public static string Period(this IStringLocalizer<MatrixText> text, int periodNo) => text["Activity.Period", periodNo];

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string DateRange(this IStringLocalizer<MatrixText> text, DateOnly start, DateOnly end) =>
        text["Activity.DateRange", Date(start), Date(end)];

    /// <summary>The portal-time date of a stored UTC time.</summary>
    public static string Date(DateTime utc) =>
        PortalTime.ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Stored times are UTC; people read them in the portal's time zone (Portal:TimeZone), in their culture.</summary>
    public static string DateTime(DateTime utc) =>
        PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>"读书会 第3期", or "系列 · 名称" when the activity's own name does not say its series.</summary>
    public static string ActivityOption(ActivityDto activity) =>
        activity.Name.StartsWith(activity.SeriesName, StringComparison.Ordinal) ? activity.Name : $"{activity.SeriesName} · {activity.Name}";

    /// <summary>The chip colour of a status or tier (MudBlazor palette, so dark mode follows).</summary>
    public static Color Color(GroupStatus status) => status switch
    {
        GroupStatus.Open => MudBlazor.Color.Success,
        GroupStatus.Full => MudBlazor.Color.Warning,
        GroupStatus.Archived => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Info,
    };

    public static Color Color(GroupTier tier) => tier switch
    {
        GroupTier.Core => MudBlazor.Color.Primary,
        GroupTier.Circulation => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Info,
    };

    public static Color Color(ActivityStatus status) => status switch
    {
        ActivityStatus.Running => MudBlazor.Color.Success,
        ActivityStatus.Ended => MudBlazor.Color.Secondary,
        ActivityStatus.Archived => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Info,
    };
}
