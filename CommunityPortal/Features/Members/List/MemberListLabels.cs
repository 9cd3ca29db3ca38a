using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.Members.Profile;
namespace CommunityPortal.Features.Members.List;

/// <summary>Display text and colours for the member list and the tags page, in the current culture.</summary>
public static class MemberListLabels
{
    public static string Label(this IStringLocalizer<MemberText> text, GrowthLevel level) => text[$"GrowthLevel.{level}"];

    public static string Label(this IStringLocalizer<MemberText> text, MemberStatus status) => text[$"MemberStatus.{status}"];

    public static string Label(this IStringLocalizer<MemberText> text, TagGroupKind kind) => text[$"TagGroupKind.{kind}"];

    public static Color Colour(GrowthLevel level) => level switch
    {
        GrowthLevel.S => Color.Success,
        GrowthLevel.A => Color.Info,
        _ => Color.Default,
    };

    public static Color Colour(MemberStatus status) => status == MemberStatus.Blacklisted ? Color.Error : Color.Success;

    /// <summary>A stored UTC time as the portal's local date and time, in the reader's culture.</summary>
    public static string DateTime(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>The local date of a stored UTC time, in the reader's culture.</summary>
    public static string Date(DateTime utc) => PortalTime.ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The local time of day of a stored UTC time, in the reader's culture.</summary>
    public static string Time(DateTime utc) => PortalTime.ToLocal(utc).ToString("t", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Black or white text, whichever reads better on the tag's colour (#RRGGBB).</summary>
    public static string TextOn(string colour)
    {
        if (colour is not ['#', _, _, _, _, _, _]
            || !int.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "#fff";
        }
        var (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        // Perceived brightness (ITU-R BT.601 weights).
        return (r * 299 + g * 587 + b * 114) / 1000 >= 150 ? "#1b1b1b" : "#fff";
    }
}
