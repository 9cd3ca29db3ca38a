using System.ComponentModel;

namespace CommunityPortal.Features.Signups;

// The API's wire shape, apart from the services' DTOs. Request members are optional on the wire: a missing field is
// reported by the service's validation, naming the field in the caller's language.

public sealed record SignupRequest
{
    [Description("Who signs up: a member's number (学号). Or give unionId or phone instead.")]
    public int? MemberNo { get; init; }

    [Description("WeChat UnionID: the member with it, or a new member with the next MemberNo when there is none.")]
    public string? UnionId { get; init; }

    [Description("Mainland mobile number: finds the member (when no memberNo or unionId is given) and is kept with the sign-up.")]
    public string? Phone { get; init; }

    [Description("The name given; required when a new member is made, else the member's remark name or nickname is used.")]
    public string? Name { get; init; }

    [Description("Answers to the form's custom questions, by question key (\"q1\": \"…\"); required questions must be answered.")]
    public Dictionary<string, string?>? Answers { get; init; }

    [Description("A live code's channel code key: a new member's first channel.")]
    public string? ChannelKey { get; init; }

    public SignupSubmission ToSubmission() => new()
    {
        MemberNo = MemberNo, UnionId = UnionId, Phone = Phone, Name = Name, ChannelKey = ChannelKey,
        Answers = Answers ?? new Dictionary<string, string?>(),
    };
}

public sealed record SignupAnswerResponse(string Key, string Label, string Value);

public sealed record SignupResponse(
    int Id,
    int ActivityId,
    int MemberId,
    int MemberNo,
    string Name,
    [property: Description("Masked: 138****5678.")] string? Phone,
    List<SignupAnswerResponse> Answers,
    string? ChannelName,
    DateTime SignedUpAt,
    DateTime? CheckedInAt,
    string? CheckedInBy,
    DateTime? CompletedAt,
    string? CompletedBy)
{
    public static SignupResponse From(SignupRow s) => new(s.Id, s.ActivityId, s.MemberId, s.MemberNo, s.Name, s.MaskedPhone,
        [.. s.Answers.Select(a => new SignupAnswerResponse(a.Key, a.Label, a.Value))], s.ChannelName, s.At, s.CheckedInAt,
        s.CheckedInByName, s.CompletedAt, s.CompletedByName);
}
