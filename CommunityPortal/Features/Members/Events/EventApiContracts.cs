using System.ComponentModel;
using System.Text.Json;
using CommunityPortal.Features.Members.Events;

namespace CommunityPortal.Features.Members.Events;

// POST /api/v1/events on the wire. Every request field is optional here: each event's fields are checked and reported
// per event (MemberEventIngestService), never by failing the whole batch.

public sealed record EventBatchRequest
{
    [Description("1 to 1,000 events.")]
    public List<EventItemRequest>? Events { get; init; }
}

public sealed record EventMemberRequest
{
    [Description("The member's number (学号), e.g. 10001. Give this or unionId.")]
    public int? MemberNo { get; init; }

    [Description("The member's WeChat UnionID. Give this or memberNo.")]
    public string? UnionId { get; init; }
}

public sealed record EventItemRequest
{
    [Description("The sender's id of the event, at most 64 characters; unique per API key.")]
    public string? ClientEventId { get; init; }

    [Description("joinedGroup, leftGroup, active, signedUp or purchased.")]
    public string? Type { get; init; }

    [Description("For active: message, checkIn or visit.")]
    public string? Subtype { get; init; }

    [Description("ISO 8601, e.g. 2026-11-22T20:30:00+08:00; without an offset the portal's wall-clock time.")]
    public string? At { get; init; }

    public EventMemberRequest? Member { get; init; }

    [Description("joinedGroup and leftGroup: the group; active and purchased: optional.")]
    public int? GroupId { get; init; }

    [Description("signedUp: the activity; active and purchased: optional.")]
    public int? ActivityId { get; init; }

    [Description("purchased: the amount in yuan.")]
    public decimal? Amount { get; init; }

    [Description("purchased: CNY (the default; no other currency is accepted).")]
    public string? Currency { get; init; }

    public EventInput ToInput(int index) => new()
    {
        Index = index, ClientEventId = ClientEventId, Type = Type, Subtype = Subtype, At = At, MemberNo = Member?.MemberNo,
        UnionId = Member?.UnionId, GroupId = GroupId, ActivityId = ActivityId, Amount = Amount, Currency = Currency,
    };
}

/// <summary>One event's outcome: created, unchanged, duplicate or error.</summary>
public sealed record EventItemResponse(int Index, string? ClientEventId, string Outcome, int? MemberId);

/// <summary>A problem with one event: its index and client event id, the field (null for the event as a whole) and a message.</summary>
public sealed record EventErrorResponse(int Index, string? ClientEventId, string? Field, string Message);

/// <summary>How many events had each outcome, every event's outcome by index, and the errors of the failed ones.</summary>
public sealed record EventBatchResponse(
    int Created, int Unchanged, int Duplicates, int Failed, List<EventItemResponse> Items, List<EventErrorResponse> Errors)
{
    public static EventBatchResponse From(IReadOnlyList<EventItemResult> items) => new(
        items.Count(i => i.Outcome == EventOutcome.Created),
        items.Count(i => i.Outcome == EventOutcome.Unchanged),
        items.Count(i => i.Outcome == EventOutcome.Duplicate),
        items.Count(i => i.Outcome == EventOutcome.Error),
        [.. items.Select(i => new EventItemResponse(i.Index, i.ClientEventId, JsonNamingPolicy.CamelCase.ConvertName(i.Outcome.ToString()), i.MemberId))],
        [.. items.SelectMany(i => i.Errors.Select(e => new EventErrorResponse(i.Index, i.ClientEventId, e.Field, e.Message)))]);
}
