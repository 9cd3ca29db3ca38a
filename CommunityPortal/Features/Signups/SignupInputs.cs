
namespace CommunityPortal.Features.Signups;

// Mutable input models: bound by the editor page and the API, validated by the services.

public sealed class SignupFormInput
{
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Intro { get; set; }

    /// <summary>UTC (pages convert the portal's wall-clock time with PortalTime).</summary>
    public DateTime? OpensAt { get; set; }

    /// <summary>UTC; must be after <see cref="OpensAt"/>.</summary>
    public DateTime? ClosesAt { get; set; }

    public int? Capacity { get; set; }

    public AskPhone AskPhone { get; set; } = AskPhone.Optional;

    public List<SignupQuestionInput> Questions { get; set; } = [];

    public int? LiveCodeId { get; set; }
}

public sealed class SignupQuestionInput
{
    /// <summary>The question's key when it exists already (kept, so its answers stay its own); null for a new one.</summary>
    public string? Key { get; set; }

    public string Label { get; set; } = "";

    public QuestionKind Kind { get; set; }

    /// <summary>For a choice: the options in order.</summary>
    public List<string> Options { get; set; } = [];

    public bool Required { get; set; }
}

/// <summary>
/// A sign-up as a person or a client sends it. Who it is: <see cref="MemberNo"/> (API only), else a trusted
/// <see cref="UnionId"/>, else the phone, else <see cref="RememberedMemberId"/> (the page's cookie), else a new member.
/// </summary>
public sealed record SignupSubmission
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    /// <summary>Answers by question key.</summary>
    public IReadOnlyDictionary<string, string?> Answers { get; init; } = new Dictionary<string, string?>();

    /// <summary>The channel code key (?c=) of the live code URL the person came from.</summary>
    public string? ChannelKey { get; init; }

    /// <summary>A UnionID the portal can trust: from an API client, or unprotected from the page's signed parameter.</summary>
    public string? UnionId { get; init; }

    public int? MemberNo { get; init; }

    public int? RememberedMemberId { get; init; }
}

public sealed record SignupQuery
{
    public const int MaxTake = 200;

    /// <summary>A MemberNo, the last digits of a phone, or part of the name given.</summary>
    public string? Search { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}
