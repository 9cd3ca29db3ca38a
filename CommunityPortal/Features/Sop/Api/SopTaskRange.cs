using System.Globalization;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Api;

/// <summary>
/// The API's from/to: an ISO date (a whole day in the team's time zone: from its start, to its end), a date and time in
/// the team's time zone (2026-12-01T09:00), or one with an offset (…Z, …+08:00). Both are required and span at most
/// <see cref="SopTaskQuery.MaxRangeDays"/> days, so one request never reads an unbounded calendar.
/// </summary>
public static class SopTaskRange
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>UTC bounds, From inclusive and To exclusive; throws a validation problem naming "from" or "to".</summary>
    public static (DateTime From, DateTime To) Parse(string? from, string? to, IStringLocalizer<SopText> text)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Read(nameof(from), from, endOfDay: false, text, errors);
        var end = Read(nameof(to), to, endOfDay: true, text, errors);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                errors[nameof(to)] = [text["Api.RangeOrder"]];
            }
            else if (e - s > TimeSpan.FromDays(SopTaskQuery.MaxRangeDays))
            {
                errors[nameof(to)] = [text["Api.RangeTooLong", SopTaskQuery.MaxRangeDays]];
            }
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        return (start!.Value, end!.Value);
    }

    /// <summary>The instant a value names (UTC), or null when it names none.</summary>
    public static DateTime? TryRead(string value, bool endOfDay)
    {
        // An unencoded "+08:00" arrives as " 08:00" (a + in a query string is a space).
        var cleaned = value.Trim();
        if (cleaned.Contains('T'))
        {
            cleaned = cleaned.Replace(' ', '+');
        }
        if (DateOnly.TryParseExact(cleaned, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return PortalTime.ToUtc((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        }
        if (DateTime.TryParseExact(cleaned, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return PortalTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        }
        if (DateTimeOffset.TryParseExact(cleaned, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.UtcDateTime;
        }
        return null;
    }

    private static DateTime? Read(string name, string? value, bool endOfDay, IStringLocalizer<SopText> text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [text["Api.RangeRequired", name]];
            return null;
        }
        if (TryRead(value, endOfDay) is { } instant)
        {
            return instant;
        }
        errors[name] = [text["Api.RangeFormat", name, value.Trim()]];
        return null;
    }
}
