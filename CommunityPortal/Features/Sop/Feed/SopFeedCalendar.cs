using CommunityPortal.Features.Sop.Tasks;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Feed;

/// <summary>
/// A person's tasks as an iCalendar document (RFC 5545, written by Ical.Net: escaping and folding at 75 octets are its
/// job). One VEVENT per task: UID sop-task-{id}@{host} (stable: a calendar updates the event instead of adding one),
/// DTSTART in the portal's zone with its VTIMEZONE, 15 minutes, SEQUENCE = the task's version. A VEVENT has no
/// "completed" status (that is VTODO's, which Google and Outlook subscriptions ignore): a done task stays CONFIRMED with
/// "✓" before its summary, a skipped one is CANCELLED; X-COMMUNITYPORTAL-STATE carries the state for scripts (ADR 035).
/// </summary>
public sealed class SopFeedCalendar(IStringLocalizer<SopText> text)
{
    public const string StateProperty = "X-COMMUNITYPORTAL-STATE";
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    /// <param name="host">The portal's host name, for UIDs.</param>
    /// <param name="from">The earliest due time asked for (UTC): the time zone's rules are written from then on.</param>
    public string Write(IReadOnlyList<SopTaskDto> tasks, string calendarName, string host, DateTime from)
    {
        var zoneId = ZoneId(PortalTime.Zone);
        var calendar = new Ical.Net.Calendar { ProductId = "-//CommunityPortal//SOP calendar//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", zoneId);
        // How often subscribers should fetch again (Apple and Outlook read one or the other; Google decides itself).
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, PortalTime.ToLocal(from).AddDays(-1), includeHistoricalData: false));
        foreach (var task in tasks)
        {
            calendar.Events.Add(Event(task, zoneId, host));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private CalendarEvent Event(SopTaskDto task, string zoneId, string host)
    {
        var changed = new CalDateTime(DateTime.SpecifyKind(task.UpdatedAt, DateTimeKind.Utc), CalDateTime.UtcTzId);
        var e = new CalendarEvent
        {
            Uid = $"sop-task-{task.Id}@{host}",
            DtStart = new CalDateTime(DateTime.SpecifyKind(PortalTime.ToLocal(task.DueAt), DateTimeKind.Unspecified), zoneId),
            Duration = Duration.FromTimeSpanExact(Length),
            Summary = (task.State == SopTaskStatus.Done ? "✓ " : "") + $"[{task.GroupName}] {task.Title}",
            Description = Description(task),
            Status = task.State == SopTaskStatus.Skipped ? EventStatus.Cancelled : EventStatus.Confirmed,
            // A reminder to paste a text, not a meeting: it does not make the person busy.
            Transparency = TransparencyType.Transparent,
            DtStamp = changed,
            LastModified = changed,
            Sequence = task.Version,
        };
        if (Uri.TryCreate(task.LinkUrl, UriKind.Absolute, out var link))
        {
            e.Url = link;
        }
        e.AddProperty(StateProperty, task.State.ToString().ToUpperInvariant());
        return e;
    }

    /// <summary>The rendered content exactly as it is to be pasted, then the step's link and image, then what became of it.</summary>
    private string Description(SopTaskDto task)
    {
        var parts = new List<string> { task.Content };
        if (task.LinkUrl is { Length: > 0 } link)
        {
            parts.Add(text["Feed.Link", link]);
        }
        if (task.ImageUrl is { Length: > 0 } image)
        {
            parts.Add(text["Feed.Image", image]);
        }
        if (task.State == SopTaskStatus.Done && task.DoneAt is { } done)
        {
            parts.Add(text["Feed.DoneBy", task.DoneBy ?? "", PortalTime.ToLocal(done).ToString("yyyy-MM-dd HH:mm")]);
        }
        else if (task.State == SopTaskStatus.Skipped)
        {
            parts.Add(text["Feed.Skipped", task.SkipReason ?? ""]);
        }
        return string.Join("\n\n", parts);
    }

    /// <summary>The zone's IANA id (what calendars and NodaTime know), also on a Windows server.</summary>
    public static string ZoneId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
}
