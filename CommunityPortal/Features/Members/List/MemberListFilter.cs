using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPortal.Features.Members.List;

/// <summary>
/// The member list's filter as the page edits it and as the address carries it (<c>/members?all=3,5&amp;level=S</c>),
/// so a filtered view can be bookmarked or sent to a colleague; the CSV export reads the same address. Joined dates are
/// the portal's local calendar days, both inclusive; <see cref="ToFilter"/> turns them into UTC instants.
/// </summary>
public sealed class MemberListFilter
{
    public string? Search { get; set; }

    public List<int> TagsAllOf { get; set; } = [];

    public List<int> TagsAnyOf { get; set; } = [];

    public List<int> TagsNoneOf { get; set; } = [];

    public GrowthLevel? GrowthLevel { get; set; }

    public int? ChannelId { get; set; }

    public int? GroupId { get; set; }

    /// <summary>Signed up for this activity (Features/Signups).</summary>
    public int? ActivityId { get; set; }

    public MemberStatus? Status { get; set; }

    public DateOnly? JoinedFrom { get; set; }

    public DateOnly? JoinedTo { get; set; }

    /// <summary>The segment this view was opened from, for its name on the page; not a criterion.</summary>
    public int? SegmentId { get; set; }

    public bool IsEmpty => Text.Clean(Search) is null && TagsAllOf.Count == 0 && TagsAnyOf.Count == 0 && TagsNoneOf.Count == 0
        && GrowthLevel is null && ChannelId is null && GroupId is null && ActivityId is null && Status is null && JoinedFrom is null && JoinedTo is null;

    public MemberListFilter Clone() => new()
    {
        Search = Search,
        TagsAllOf = [.. TagsAllOf],
        TagsAnyOf = [.. TagsAnyOf],
        TagsNoneOf = [.. TagsNoneOf],
        GrowthLevel = GrowthLevel,
        ChannelId = ChannelId,
        GroupId = GroupId,
        ActivityId = ActivityId,
        Status = Status,
        JoinedFrom = JoinedFrom,
        JoinedTo = JoinedTo,
        SegmentId = SegmentId,
    };

    public MemberFilter ToFilter() => new()
    {
        Search = Text.Clean(Search),
        TagsAllOf = Ids(TagsAllOf),
        TagsAnyOf = Ids(TagsAnyOf),
        TagsNoneOf = Ids(TagsNoneOf),
        GrowthLevel = GrowthLevel,
        ChannelId = ChannelId,
        GroupId = GroupId,
        ActivityId = ActivityId,
        Status = Status,
        CreatedFrom = JoinedFrom is { } from ? PortalTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : null,
        // The whole last day: up to the next local midnight, exclusive.
        CreatedTo = JoinedTo is { } to ? PortalTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
    };

    public MemberQuery ToQuery(int skip, int take, string? sortBy, bool descending)
    {
        var filter = ToFilter();
        return new MemberQuery
        {
            Search = filter.Search,
            TagsAllOf = filter.TagsAllOf,
            TagsAnyOf = filter.TagsAnyOf,
            TagsNoneOf = filter.TagsNoneOf,
            GrowthLevel = filter.GrowthLevel,
            ChannelId = filter.ChannelId,
            GroupId = filter.GroupId,
            ActivityId = filter.ActivityId,
            Status = filter.Status,
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            SortBy = sortBy,
            Descending = descending,
            Skip = skip,
            Take = take,
        };
    }

    /// <summary>A stored filter (a segment's) as the page shows it.</summary>
    public static MemberListFilter From(MemberFilter filter, int? segmentId = null) => new()
    {
        Search = filter.Search,
        TagsAllOf = [.. filter.TagsAllOf ?? []],
        TagsAnyOf = [.. filter.TagsAnyOf ?? []],
        TagsNoneOf = [.. filter.TagsNoneOf ?? []],
        GrowthLevel = filter.GrowthLevel,
        ChannelId = filter.ChannelId,
        GroupId = filter.GroupId,
        ActivityId = filter.ActivityId,
        Status = filter.Status,
        JoinedFrom = filter.CreatedFrom is { } from ? DateOnly.FromDateTime(PortalTime.ToLocal(from)) : null,
        // Exclusive end → the last day it includes.
        JoinedTo = filter.CreatedTo is { } to ? DateOnly.FromDateTime(PortalTime.ToLocal(to).AddTicks(-1)) : null,
        SegmentId = segmentId,
    };

    /// <summary>"?q=…&amp;all=3,5&amp;level=S…", or "" for no filter: the address of this view.</summary>
    public string ToQueryString()
    {
        var pairs = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                // Id lists stay readable (all=3,5): digits and commas need no escaping in a query.
                pairs.Add(key + "=" + (value.All(c => char.IsAsciiDigit(c) || c == ',') ? value : Uri.EscapeDataString(value)));
            }
        }
        Add("q", Text.Clean(Search));
        Add("all", Join(TagsAllOf));
        Add("any", Join(TagsAnyOf));
        Add("none", Join(TagsNoneOf));
        Add("level", GrowthLevel?.ToString());
        Add("channel", ChannelId?.ToString(CultureInfo.InvariantCulture));
        Add("group", GroupId?.ToString(CultureInfo.InvariantCulture));
        Add("activity", ActivityId?.ToString(CultureInfo.InvariantCulture));
        Add("status", Status?.ToString());
        Add("from", JoinedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", JoinedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("seg", SegmentId?.ToString(CultureInfo.InvariantCulture));
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    /// <summary>Reads an address's query ("?…" or a whole URL); values it cannot read are left out, never an error.</summary>
    public static MemberListFilter Parse(string? queryOrUrl)
    {
        var query = queryOrUrl ?? "";
        var mark = query.IndexOf('?');
        query = mark >= 0 ? query[mark..] : "";
        var fragment = query.IndexOf('#');
        query = fragment >= 0 ? query[..fragment] : query;
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? Text.Clean(v.ToString()) : null;
        return new MemberListFilter
        {
            Search = Get("q"),
            TagsAllOf = Split(Get("all")),
            TagsAnyOf = Split(Get("any")),
            TagsNoneOf = Split(Get("none")),
            GrowthLevel = Enum.TryParse<GrowthLevel>(Get("level"), true, out var level) && Enum.IsDefined(level) ? level : null,
            ChannelId = Int(Get("channel")),
            GroupId = Int(Get("group")),
            ActivityId = Int(Get("activity")),
            Status = Enum.TryParse<MemberStatus>(Get("status"), true, out var status) && Enum.IsDefined(status) ? status : null,
            JoinedFrom = Date(Get("from")),
            JoinedTo = Date(Get("to")),
            SegmentId = Int(Get("seg")),
        };
    }

    private static int[]? Ids(List<int> ids) => ids.Count > 0 ? [.. ids.Distinct()] : null;

    private static string? Join(List<int> ids) =>
        ids.Count > 0 ? string.Join(',', ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture))) : null;

    private static List<int> Split(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Int).OfType<int>().Distinct()];

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
