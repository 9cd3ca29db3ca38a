
namespace CommunityPortal.Features.Signups;

public sealed record SignupFormDto(
    int Id,
    int ActivityId,
    string ActivityName,
    string Slug,
    string Title,
    string? Intro,
    DateTime? OpensAt,
    DateTime? ClosesAt,
    int? Capacity,
    AskPhone AskPhone,
    IReadOnlyList<SignupQuestion> Questions,
    int? LiveCodeId,
    string? LiveCodeSlug,
    int Version)
{
    public SignupWindow WindowAt(DateTime utcNow) =>
        OpensAt is { } opens && utcNow < opens ? SignupWindow.NotOpen
        : ClosesAt is { } closes && utcNow >= closes ? SignupWindow.Closed
        : SignupWindow.Open;
}

public enum SignupWindow
{
    NotOpen,
    Open,
    Closed,
}

/// <summary>One row of an activity's sign-ups: the phone only masked.</summary>
public sealed record SignupRow(
    int Id,
    int ActivityId,
    int MemberId,
    int MemberNo,
    bool MemberBlacklisted,
    string Name,
    string? MaskedPhone,
    IReadOnlyList<SignupAnswer> Answers,
    string? ChannelName,
    DateTime At,
    DateTime? CheckedInAt,
    string? CheckedInByName,
    DateTime? CompletedAt,
    string? CompletedByName);

public sealed record SignupCounts(int SignedUp, int CheckedIn, int Completed, int? Capacity);

/// <summary>What a person sees after signing up (or coming back): their number, when, and the live code to scan.</summary>
public sealed record SignupReceipt(
    int SignupId,
    int ActivityId,
    int MemberId,
    int MemberNo,
    string Name,
    DateTime At,
    bool NewMember,
    string? LiveCodeSlug,
    string? LiveCodeChannelKey);

public enum SignupOutcome
{
    /// <summary>A new sign-up was written.</summary>
    Created,
    /// <summary>The member had signed up already: nothing written, the existing sign-up is shown.</summary>
    Existing,
    Invalid,
    NotFound,
    NotOpen,
    Closed,
    Full,
    Blacklisted,
}

public sealed record SignupResult(SignupOutcome Outcome, SignupReceipt? Receipt = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome is SignupOutcome.Created or SignupOutcome.Existing;
}
