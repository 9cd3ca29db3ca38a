using System.Globalization;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Matrix;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>
/// What a dashboard shows, as its address carries it (<c>indices/daily?from=2026-11-01&amp;to=2026-11-30&amp;series=3</c>), so a
/// link, a refresh and the CSV download ask the same question. Missing dates take the default range: the last
/// <see cref="DefaultDays"/> days ending today in the team's time zone. A value that cannot be read is kept as malformed
/// (named in <see cref="Malformed"/>), never silently dropped: the page says so instead of showing other numbers.
/// </summary>
public sealed record DashboardFilter
{
    public const int DefaultDays = 30;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int? SeriesId { get; init; }

    public int? ActivityId { get; init; }

    public int? ChannelId { get; init; }

    public GroupTier? Tier { get; init; }

    /// <summary>The fields (From, To, SeriesId …) whose address value could not be read.</summary>
    public IReadOnlySet<string> Malformed { get; init; } = new HashSet<string>();

    /// <summary>The range asked for, the default filling what the address leaves out.</summary>
    public (DateOnly From, DateOnly To) Range(DateOnly today)
    {
        var to = To ?? today;
        return (From ?? to.AddDays(1 - DefaultDays), to);
    }

    /// <summary>
    /// Adds a message naming the field for each malformed value the page offers a control for, for an end before the start
    /// and for a range longer than <see cref="IndexFilter.MaxDays"/> days.
    /// </summary>
    public void Validate(DateOnly today, ValidationErrors errors, DashboardControls controls)
    {
        foreach (var field in Malformed.Where(f => controls.HasFlag(ControlOf(f))).Order(StringComparer.Ordinal))
        {
            errors.Add(field, "Invalid");
        }
        if (!controls.HasFlag(DashboardControls.Range) || Malformed.Contains(nameof(From)) || Malformed.Contains(nameof(To)))
        {
            return;
        }
        var (from, to) = Range(today);
        if (to < from)
        {
            errors.Add(nameof(To), "EndBeforeStart", errors.Label(nameof(From)));
        }
        else if (to.DayNumber - from.DayNumber + 1 > IndexFilter.MaxDays)
        {
            errors.Add(nameof(To), "RangeTooLong", IndexFilter.MaxDays);
        }
    }

    private static DashboardControls ControlOf(string field) => field switch
    {
        nameof(SeriesId) => DashboardControls.Series,
        nameof(ActivityId) => DashboardControls.Activity,
        nameof(ChannelId) => DashboardControls.Channel,
        nameof(Tier) => DashboardControls.Tier,
        _ => DashboardControls.Range,
    };

    /// <summary>
    /// The question <paramref name="view"/> may be asked, or a <c>PortalValidationException</c> naming each field that forbids
    /// asking. Filters the view offers no control for are left out: a link from another dashboard may carry them, and a
    /// filter the reader cannot see must not change the numbers.
    /// </summary>
    public IndexFilter Check(IIndexView view, DateOnly today, ValidationErrors errors)
    {
        var controls = view.Controls;
        Validate(today, errors, controls);
        if (controls.HasFlag(DashboardControls.RequiredSeries) && SeriesId is null && !Malformed.Contains(nameof(SeriesId)))
        {
            errors.Add(nameof(SeriesId), "Required");
        }
        errors.ThrowIfAny();
        var (from, to) = Range(today);
        return new IndexFilter(from, to,
            controls.HasFlag(DashboardControls.Series) ? SeriesId : null,
            controls.HasFlag(DashboardControls.Activity) ? ActivityId : null,
            controls.HasFlag(DashboardControls.Channel) ? ChannelId : null,
            controls.HasFlag(DashboardControls.Tier) ? Tier : null);
    }

    /// <summary>Today in the team's time zone: the default range ends on it.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(PortalTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public static DashboardFilter Parse(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        var malformed = new HashSet<string>(StringComparer.Ordinal);
        string? Get(string key) => values.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } text ? text.Trim() : null;

        DateOnly? Date(string key, string field)
        {
            if (Get(key) is not { } text)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            malformed.Add(field);
            return null;
        }

        int? Id(string key, string field)
        {
            if (Get(key) is not { } text)
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }
            malformed.Add(field);
            return null;
        }

        GroupTier? tier = null;
        if (Get("tier") is { } tierText)
        {
            if (Enum.TryParse<GroupTier>(tierText, true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(tierText[0]))
            {
                tier = parsed;
            }
            else
            {
                malformed.Add(nameof(Tier));
            }
        }
        return new DashboardFilter
        {
            From = Date("from", nameof(From)),
            To = Date("to", nameof(To)),
            SeriesId = Id("series", nameof(SeriesId)),
            ActivityId = Id("activity", nameof(ActivityId)),
            ChannelId = Id("channel", nameof(ChannelId)),
            Tier = tier,
            Malformed = malformed,
        };
    }

    /// <summary>"?from=2026-11-01&amp;series=3" (empty when nothing is set): the page's address and its CSV link both carry it.</summary>
    public string ToQueryString()
    {
        var pairs = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["series"] = SeriesId?.ToString(CultureInfo.InvariantCulture),
            ["activity"] = ActivityId?.ToString(CultureInfo.InvariantCulture),
            ["channel"] = ChannelId?.ToString(CultureInfo.InvariantCulture),
            ["tier"] = Tier?.ToString(),
        };
        return QueryHelpers.AddQueryString("", pairs.Where(p => p.Value is not null));
    }

    /// <summary>Equal filters ask the same question (the malformed set compared by content, not by reference).</summary>
    public bool SameAs(DashboardFilter other) =>
        this with { Malformed = other.Malformed } == other && Malformed.SetEquals(other.Malformed);
}
