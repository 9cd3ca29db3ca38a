using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.Members.Segments;

/// <summary>
/// A segment's filter as stored: only <see cref="MemberFilter"/>'s own criteria (never a query's paging or sort),
/// enums by name so a reordered enum cannot change a saved segment, blanks left out. Criteria added to
/// MemberFilter later are stored without change here; criteria a stored segment lacks read as "any".
/// </summary>
internal static class SegmentFilterJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(MemberFilter filter) => JsonSerializer.Serialize(Normalize(filter), Options);

    public static MemberFilter Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<MemberFilter>(json, Options) ?? new MemberFilter();
        }
        catch (JsonException)
        {
            // A segment whose JSON cannot be read any more filters nothing rather than breaking the list.
            return new MemberFilter();
        }
    }

    /// <summary>Trimmed search, empty tag lists as none, ids distinct and sorted: equal filters store equal JSON.</summary>
    public static MemberFilter Normalize(MemberFilter filter) => filter with
    {
        Search = Text.Clean(filter.Search),
        TagsAllOf = Ids(filter.TagsAllOf),
        TagsAnyOf = Ids(filter.TagsAnyOf),
        TagsNoneOf = Ids(filter.TagsNoneOf),
    };

    private static int[]? Ids(IReadOnlyList<int>? ids) => ids is { Count: > 0 } ? [.. ids.Distinct().Order()] : null;
}
