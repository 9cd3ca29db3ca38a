using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.Events;
namespace CommunityPortal.Features.Members.List;

/// <summary>
/// The query string of GET /api/v1/members: the member list's filters, a page and a sort. (No [Description] here: the
/// OpenAPI generator fails on attributes of [AsParameters] constructor parameters; the endpoint's description has them.)
/// </summary>
public sealed record MemberListQuery(
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "tagsAllOf")] string? TagsAllOf,
    [FromQuery(Name = "tagsAnyOf")] string? TagsAnyOf,
    [FromQuery(Name = "tagsNoneOf")] string? TagsNoneOf,
    [FromQuery(Name = "growthLevel")] GrowthLevel? GrowthLevel,
    [FromQuery(Name = "channelId")] int? ChannelId,
    [FromQuery(Name = "groupId")] int? GroupId,
    [FromQuery(Name = "status")] MemberStatus? Status,
    [FromQuery(Name = "createdFrom")] string? CreatedFrom,
    [FromQuery(Name = "createdTo")] string? CreatedTo,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "sort")] string? Sort)
{
    public const int DefaultPageSize = 20;
    public const int MaxTagsPerList = 50;

    public static readonly IReadOnlyList<string> SortKeys = ["memberNo", "nickname", "createdAt", "growthLevel", "status"];

    public const string Description = """
        Searches members with the member list's filters; every filter is optional and they combine (AND).
        search: a MemberNo, a phone number or its last 4+ digits, a UnionID, or part of a nickname or remark name.
        tagsAllOf / tagsAnyOf / tagsNoneOf: comma-separated tag ids (e.g. 3,7,12; at most 50 each).
        growthLevel (S, A, C), channelId (first channel), groupId (members in the group now), status (Active, Blacklisted).
        createdFrom (inclusive) and createdTo (exclusive): ISO 8601; with Z or an offset an instant, without one (e.g. 2026-11-01)
        the portal's wall-clock time (Asia/Shanghai by default).
        page (from 1, default 1) and pageSize (1-200, default 20); sort one of memberNo, nickname, createdAt, growthLevel, status,
        with a leading '-' for descending (default -memberNo: newest members first).
        Phones are masked (138****5678) unless the API key's role may manage members (Manager, Admin).
        To fetch one member by MemberNo, UnionID or phone use GET /api/v1/members/lookup.
        """;

    /// <summary>The service's query, or a 400 naming every parameter that is wrong (the service would otherwise clamp or ignore them).</summary>
    public MemberQuery ToMemberQuery(IStringLocalizer<ApiText> api, IStringLocalizer<EventsText> text)
    {
        var errors = new Dictionary<string, string[]>();
        var allOf = TagIds("tagsAllOf", TagsAllOf, errors, text);
        var anyOf = TagIds("tagsAnyOf", TagsAnyOf, errors, text);
        var noneOf = TagIds("tagsNoneOf", TagsNoneOf, errors, text);
        var from = Time("createdFrom", CreatedFrom, errors, text);
        var to = Time("createdTo", CreatedTo, errors, text);
        if (Page < 1)
        {
            errors["page"] = [api["ParameterMin", "page", 1]];
        }
        if (PageSize is < 1 or > MemberQuery.MaxTake)
        {
            errors["pageSize"] = [api["ParameterRange", "pageSize", 1, MemberQuery.MaxTake]];
        }
        var sort = Text.Clean(Sort) ?? "-memberNo";
        var descending = sort.StartsWith('-');
        var sortKey = sort.TrimStart('-', '+');
        if (!SortKeys.Contains(sortKey, StringComparer.OrdinalIgnoreCase))
        {
            errors["sort"] = [api["ParameterOneOf", "sort", string.Join(", ", SortKeys.Concat(SortKeys.Select(k => "-" + k)))]];
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        var pageSize = PageSize ?? DefaultPageSize;
        return new MemberQuery
        {
            Search = Search, TagsAllOf = allOf, TagsAnyOf = anyOf, TagsNoneOf = noneOf, GrowthLevel = GrowthLevel, ChannelId = ChannelId,
            GroupId = GroupId, Status = Status, CreatedFrom = from, CreatedTo = to,
            SortBy = sortKey, Descending = descending, Skip = ((Page ?? 1) - 1) * pageSize, Take = pageSize,
        };
    }

    private static int[]? TagIds(string name, string? value, Dictionary<string, string[]> errors, IStringLocalizer<EventsText> text)
    {
        if (Text.Clean(value) is not { } list)
        {
            return null;
        }
        var parts = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ids = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                errors[name] = [text["TagIdList", name]];
                return null;
            }
            ids.Add(id);
        }
        if (ids.Count > MaxTagsPerList)
        {
            errors[name] = [text["TagIdListTooLong", name, MaxTagsPerList]];
            return null;
        }
        return [.. ids];
    }

    /// <summary>ISO 8601: with Z or an offset an instant; without one, portal wall-clock time.</summary>
    internal static DateTime? Time(string name, string? value, Dictionary<string, string[]> errors, IStringLocalizer<EventsText> text)
    {
        if (Text.Clean(value) is not { } clean)
        {
            return null;
        }
        if (!DateTime.TryParse(clean, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            errors[name] = [text["TimeParameter", name]];
            return null;
        }
        return time.Kind switch
        {
            DateTimeKind.Utc => time,
            DateTimeKind.Local => time.ToUniversalTime(),
            _ => PortalTime.ToUtc(time),
        };
    }
}
