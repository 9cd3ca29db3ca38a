using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.List;
namespace CommunityPortal.Features.Members.Profile;

/// <summary>Display text for members' enums, numbers and times: MemberText's labels in the current culture.</summary>
public static class ProfileLabels
{
    public static string Label(this IStringLocalizer<MemberText> text, Gender gender) => text[$"Gender.{gender}"];

    public static string Label(this IStringLocalizer<MemberText> text, GrowthLevel level) => text[$"GrowthLevel.{level}"];

    public static string Label(this IStringLocalizer<MemberText> text, MemberStatus status) => text[$"MemberStatus.{status}"];

    public static string Label(this IStringLocalizer<MemberText> text, ServiceRecordKind kind) => text[$"ServiceRecordKind.{kind}"];

    public static string Label(this IStringLocalizer<MemberText> text, MembershipSource source) => text[$"MembershipSource.{source}"];

    /// <summary>学号 as people say it: five digits, no group separator.</summary>
    public static string No(int memberNo) => memberNo.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stored UTC time in the portal's time zone and the reader's culture.</summary>
    public static string Time(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>For a &lt;time datetime&gt; attribute: the instant, machine-readable.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Black or white text, whichever reads better on a tag's colour (#RRGGBB).</summary>
    public static string TextOn(string colour)
    {
        if (colour is not { Length: 7 } || !int.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "#fff";
        }
        var (r, g, b) = ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        // Perceived brightness (ITU-R BT.601 weights).
        return (r * 299 + g * 587 + b * 114) / 1000 >= 150 ? "#1f1f1f" : "#fff";
    }
}
