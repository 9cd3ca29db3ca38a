using System.Globalization;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityPortal.Features.Matrix.Groups;

/// <summary>
/// The groups grid's filters, page and sort, as the page edits them and as the address carries them
/// (<c>/groups?q=读书&amp;tier=Core&amp;page=2&amp;sort=memberCount&amp;desc=1</c>), so a view can be bookmarked or sent on.
/// </summary>
public sealed class GroupFilter
{
    public const int DefaultPageSize = 20;
    public static readonly int[] PageSizes = [20, 50, 100];

    public string? Search { get; set; }

    public GroupTier? Tier { get; set; }

    public GroupStatus? Status { get; set; }

    public string? OwnerEmail { get; set; }

    public string? Label { get; set; }

    public bool IncludeArchived { get; set; }

    /// <summary>0-based (the address says page=1 for the first).</summary>
    public int Page { get; set; }

    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>One of GroupQueryService's sort keys (<see cref="SortKey"/>), or null for its default order.</summary>
    public string? SortBy { get; set; }

    public bool Descending { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Search) && Tier is null && Status is null
        && string.IsNullOrWhiteSpace(OwnerEmail) && string.IsNullOrWhiteSpace(Label) && !IncludeArchived;

    /// <summary>Clears the criteria; page, page size and sort are the grid's.</summary>
    public void Clear() => (Search, Tier, Status, OwnerEmail, Label, IncludeArchived) = (null, null, null, null, null, false);

    /// <summary>Grid column (property) → the sort keys GroupQueryService knows.</summary>
    public static string? SortKey(string? property) => property switch
    {
        nameof(GroupDto.Name) => "name",
        nameof(GroupDto.ActivityName) => "activity",
        nameof(GroupDto.Tier) => "tier",
        nameof(GroupDto.OwnerName) => "owner",
        nameof(GroupDto.MemberCount) => "memberCount",
        nameof(GroupDto.Capacity) => "capacity",
        nameof(GroupDto.Status) => "status",
        nameof(GroupDto.UpdatedAt) => "updatedAt",
        _ => null,
    };

    public GroupQuery ToQuery() => new()
    {
        Search = Text.Clean(Search),
        Tier = Tier,
        Status = Status,
        OwnerEmail = Text.Clean(OwnerEmail),
        Label = Text.Clean(Label),
        IncludeArchived = IncludeArchived,
        SortBy = SortBy,
        Descending = Descending,
        Skip = Page * PageSize,
        Take = PageSize,
    };

    /// <summary>Reads an address's query; what it cannot read is left at its default.</summary>
    public static GroupFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Get(string key) => query.TryGetValue(key, out var values) ? Text.Clean(values.ToString()) : null;
        int? Number(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var size = Number("size") ?? DefaultPageSize;
        var sort = Get("sort");
        return new GroupFilter
        {
            Search = Get("q"),
            Tier = Enum.TryParse<GroupTier>(Get("tier"), out var tier) && Enum.IsDefined(tier) ? tier : null,
            Status = Enum.TryParse<GroupStatus>(Get("status"), out var status) && Enum.IsDefined(status) ? status : null,
            OwnerEmail = Get("owner"),
            Label = Get("label"),
            IncludeArchived = Get("archived") == "1",
            Page = Math.Max(0, (Number("page") ?? 1) - 1),
            PageSize = PageSizes.Contains(size) ? size : DefaultPageSize,
            SortBy = sort is not null && SortKeys.Contains(sort) ? sort : null,
            Descending = Get("desc") == "1",
        };
    }

    /// <summary>The query string (with its "?", or empty) that <see cref="Parse"/> reads back; defaults are left out.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value.Trim()));
            }
        }
        Add("q", Search);
        Add("tier", Tier?.ToString());
        Add("status", Status?.ToString());
        Add("owner", OwnerEmail);
        Add("label", Label);
        Add("archived", IncludeArchived ? "1" : null);
        Add("page", Page > 0 ? (Page + 1).ToString(CultureInfo.InvariantCulture) : null);
        Add("size", PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null);
        Add("sort", SortBy);
        Add("desc", SortBy is not null && Descending ? "1" : null);
        return pairs.Count == 0 ? "" : QueryString.Create(pairs).ToUriComponent();
    }

    private static readonly HashSet<string> SortKeys =
        [.. new[] { nameof(GroupDto.Name), nameof(GroupDto.ActivityName), nameof(GroupDto.Tier), nameof(GroupDto.OwnerName), nameof(GroupDto.MemberCount),
            nameof(GroupDto.Capacity), nameof(GroupDto.Status), nameof(GroupDto.UpdatedAt) }.Select(p => SortKey(p)!)];
}
