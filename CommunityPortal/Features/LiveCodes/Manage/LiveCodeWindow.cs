using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>
/// The validity window as the dialog's pickers hold it: a date and a time of day in the portal's time zone, for a
/// stored UTC instant.
/// </summary>
public static class LiveCodeWindow
{
    /// <summary>The time an end date gets when none is typed: the day's last minute, so the whole day counts.</summary>
    public static readonly TimeSpan EndOfDay = new(23, 59, 0);

    public static (DateTime? Date, TimeSpan? Time) Split(DateTime? utc) =>
        utc is { } u && PortalTime.ToLocal(u) is var local ? (local.Date, local.TimeOfDay) : (null, null);

    /// <summary>The instant as UTC, or null without a date (a date without a time is its midnight).</summary>
    public static DateTime? ToUtc(DateTime? date, TimeSpan? time) =>
        date is { } d ? PortalTime.ToUtc(DateTime.SpecifyKind(d.Date + (time ?? TimeSpan.Zero), DateTimeKind.Unspecified)) : null;

    /// <summary>A time typed without its date is refused on the date's field, naming it, rather than silently dropped.</summary>
    public static void ThrowIfTimeWithoutDate(IStringLocalizer<LiveCodeText> text, params (string Field, DateTime? Date, TimeSpan? Time)[] bounds)
    {
        var errors = bounds.Where(b => b.Date is null && b.Time is not null)
            .ToDictionary(b => b.Field, b => new[] { text["Admin.DateMissing", text["Field." + b.Field]].Value });
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
    }
}
