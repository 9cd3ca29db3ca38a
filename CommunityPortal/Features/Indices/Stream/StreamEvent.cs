using CommunityPortal.Features.LiveCodes;

namespace CommunityPortal.Features.Indices.Stream;

/// <summary>
/// One entry of the operation event stream, as exported (one NDJSON line) and as the aggregator reads it.
/// <see cref="Id"/> is the source row's id: with <see cref="Type"/> it names the fact, so reading a fact twice changes
/// nothing. Joined/Left share a membership's id, SignedUp/CheckedIn a sign-up's, Scan/ScanLinked a scan's.
/// </summary>
public sealed record StreamEvent(
    IndexEventType Type,
    DateTime At,
    long Id,
    int? MemberId = null,
    int? GroupId = null,
    int? ActivityId = null,
    int? LiveCodeId = null,
    int? ChannelId = null,
    string? ChannelKey = null,
    string? Visitor = null,
    ScanOutcome? Outcome = null,
    decimal? Amount = null);
