using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.Signups;

/// <summary>
/// 报名表: how people sign up for one activity on the public page /s/{Slug} — when it is open, how many it takes,
/// what it asks, and the live code shown afterwards.
/// </summary>
public sealed partial class SignupForm : Entity
{
    public const int SlugMin = 3;
    public const int SlugMax = 32;
    public const int TitleMax = 60;
    public const int IntroMax = 1000;
    public const int MaxCapacity = 100_000;

    /// <summary>One form per activity.</summary>
    public int ActivityId { get; set; }

    /// <summary>Lower-case letters, digits and dashes: short enough to print, safe in any URL.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Intro { get; set; }

    /// <summary>UTC; null: open from the start.</summary>
    public DateTime? OpensAt { get; set; }

    /// <summary>UTC; null: never closes by itself.</summary>
    public DateTime? ClosesAt { get; set; }

    /// <summary>How many sign-ups the activity takes; null: no limit.</summary>
    public int? Capacity { get; set; }

    public AskPhone AskPhone { get; set; } = AskPhone.Optional;

    /// <summary>The custom questions as JSON (<see cref="SignupJson"/>): key, label, kind, options, required.</summary>
    public string Questions { get; set; } = "[]";

    /// <summary>The live code whose QR the person sees after signing up (its groups are the activity's groups).</summary>
    public int? LiveCodeId { get; set; }

    public static bool IsValidSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}

/// <summary>Whether the form asks for a phone number (a mainland mobile number, MemberRules).</summary>
public enum AskPhone
{
    Off = 0,
    Optional = 1,
    Required = 2,
}

public enum QuestionKind
{
    /// <summary>A short free text.</summary>
    Text = 0,
    /// <summary>One of the listed options.</summary>
    Choice = 1,
}

/// <summary>A custom question. <see cref="Key"/> stays the same when the label changes, so answers keep their question.</summary>
public sealed record SignupQuestion(string Key, string Label, QuestionKind Kind, IReadOnlyList<string> Options, bool Required)
{
    public const int MaxQuestions = 10;
    public const int LabelMax = 100;
    public const int MaxOptions = 20;
    public const int OptionMax = 50;
    public const int AnswerMax = 200;
}

/// <summary>An answer as given, with the question's label as it read then.</summary>
public sealed record SignupAnswer(string Key, string Label, string Value);
