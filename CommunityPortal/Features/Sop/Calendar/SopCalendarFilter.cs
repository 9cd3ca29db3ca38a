using System.Globalization;
using CommunityPortal.Components.Shared.Calendar;
using CommunityPortal.Features.Sop.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>
/// What the SOP calendar shows, as the address carries it (<c>/sop/calendar?group=3&amp;assignee=me&amp;state=Overdue</c>), so
/// a link or a refresh shows the same: the filters, the view and its date, and the task whose details are open.
/// </summary>
public sealed record SopCalendarFilter
{
    public const string Path = "sop/calendar";

    /// <summary>The signed-in person's tasks.</summary>
    public const string Me = "me";

    /// <summary>Everyone's tasks.</summary>
    public const string All = "all";

    public int? GroupId { get; init; }

    public int? SeriesId { get; init; }

    /// <summary><see cref="Me"/>, <see cref="All"/>, an e-mail, or null for the viewer's default.</summary>
    public string? Assignee { get; init; }

    public SopTaskStatus? State { get; init; }

    public CalendarView? View { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The task whose details are open (reminders link to it).</summary>
    public int? TaskId { get; init; }

    /// <summary>Only what chooses the tasks (two filters with equal criteria load the same tasks).</summary>
    public SopCalendarFilter Criteria => this with { View = null, Date = null, TaskId = null };

    public bool HasCriteria => GroupId is not null || SeriesId is not null || Assignee is not null || State is not null;

    /// <summary>The assignee in force: as chosen, else "me" for operators and everyone for the others.</summary>
    public string AssigneeFor(SopViewer viewer) => Assignee ?? (viewer.MineByDefault ? Me : All);

    /// <summary>The reader's query for the days a calendar shows (wall-clock range → UTC).</summary>
    public SopTaskQuery ToQuery(CalendarRange range, SopViewer viewer) =>
        new(PortalTime.ToUtc(range.Start), PortalTime.ToUtc(range.End))
        {
            GroupId = GroupId,
            SeriesId = SeriesId,
            State = State,
            Assignee = AssigneeFor(viewer) switch
            {
                All => null,
                Me => viewer.Actor.UserId,
                var other => other,
            },
        };

    public static SopCalendarFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var values) && values.ToString() is { Length: > 0 } v ? v : null;
        int? Id(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
        return new SopCalendarFilter
        {
            GroupId = Id("group"),
            SeriesId = Id("series"),
            Assignee = Get("assignee")?.Trim(),
            State = Enum.TryParse<SopTaskStatus>(Get("state"), true, out var state) && Enum.IsDefined(state) ? state : null,
            View = Enum.TryParse<CalendarView>(Get("view"), true, out var view) && Enum.IsDefined(view) ? view : null,
            Date = DateOnly.TryParseExact(Get("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            TaskId = Id("task"),
        };
    }

    /// <summary>The address of this view, e.g. "sop/calendar?group=3&amp;view=week".</summary>
    public string ToUri()
    {
        var pairs = new Dictionary<string, string?>
        {
            ["group"] = GroupId?.ToString(CultureInfo.InvariantCulture),
            ["series"] = SeriesId?.ToString(CultureInfo.InvariantCulture),
            ["assignee"] = Assignee,
            ["state"] = State?.ToString(),
            ["view"] = View?.ToString().ToLowerInvariant(),
            ["date"] = Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["task"] = TaskId?.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Path, pairs.Where(p => p.Value is not null));
    }

    /// <summary>The calendar opened on one task (its day, with its details open): the home card's and the group panel's links.</summary>
    public static string TaskUri(SopTaskDto task, int? groupId = null) => new SopCalendarFilter
    {
        GroupId = groupId,
        Assignee = groupId is null ? null : All,
        Date = DateOnly.FromDateTime(PortalTime.ToLocal(task.DueAt)),
        TaskId = task.Id,
    }.ToUri();
}
