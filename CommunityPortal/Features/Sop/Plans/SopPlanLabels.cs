using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>How the plan pages word and colour a plan's kind, times and weekdays.</summary>
public static class SopPlanLabels
{
    public static string Label(this IStringLocalizer<SopText> text, SopPlanKind kind) => text[$"Kind.{kind}"];

    public static Color Color(SopPlanKind kind) => kind switch
    {
        SopPlanKind.Weekly => MudBlazor.Color.Secondary,
        SopPlanKind.Relative => MudBlazor.Color.Tertiary,
        _ => MudBlazor.Color.Primary,
    };

    /// <summary>Stored times are UTC; people read them in the portal's time zone, in their culture.</summary>
    public static string When(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Monday first, as a Chinese (and ISO) week runs.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>周一 / Mon.</summary>
    public static string Day(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
