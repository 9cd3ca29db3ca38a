
namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// One item of an events-API batch as the client sent it (every field may be missing or wrong: each is checked and
/// reported per item). <see cref="Index"/> is its position in the batch.
/// </summary>
public sealed record EventInput
{
    public int Index { get; init; }

    public string? ClientEventId { get; init; }

    public string? Type { get; init; }

    public string? Subtype { get; init; }

    public string? At { get; init; }

    public int? MemberNo { get; init; }

    public string? UnionId { get; init; }

    public int? GroupId { get; init; }

    public int? ActivityId { get; init; }

    public decimal? Amount { get; init; }

    public string? Currency { get; init; }
}

public enum EventOutcome
{
    /// <summary>Applied: the fact is recorded.</summary>
    Created = 0,
    /// <summary>Accepted, but it changed nothing: already in the group, not in it, already signed up.</summary>
    Unchanged = 1,
    /// <summary>This client event id was received before (or earlier in the batch): nothing written.</summary>
    Duplicate = 2,
    /// <summary>Refused; see the errors. Nothing of this item was written, the batch's other items were.</summary>
    Error = 3,
}

/// <summary>A problem with one item: the field (camelCase, "member.memberNo"; null for the item as a whole) and a localized message.</summary>
public sealed record EventFieldError(string? Field, string Message);

public sealed record EventItemResult(int Index, string? ClientEventId, EventOutcome Outcome, int? MemberId, IReadOnlyList<EventFieldError> Errors);

public sealed record EventBatchResult(IReadOnlyList<EventItemResult> Items)
{
    public int Count(EventOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}
