using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.Signups.Form;

/// <summary>The editor's model: times as the portal's wall clock (the service stores UTC), options one per line.</summary>
public sealed class SignupFormModel
{
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Intro { get; set; }

    public DateTime? OpensAt { get; set; }

    public DateTime? ClosesAt { get; set; }

    public int? Capacity { get; set; }

    public AskPhone AskPhone { get; set; } = AskPhone.Required;

    public int? LiveCodeId { get; set; }

    public List<QuestionRow> Questions { get; set; } = [];

    /// <summary>A new form: titled after the activity, asking for a phone (how people are found again), closing when it starts.</summary>
    public static SignupFormModel New(ActivityDto activity, string slug, DateTime utcNow)
    {
        var starts = activity.StartDate.ToDateTime(TimeOnly.MinValue);
        return new SignupFormModel
        {
            Slug = slug,
            Title = activity.Name.Length <= SignupForm.TitleMax ? activity.Name : activity.Name[..SignupForm.TitleMax],
            ClosesAt = PortalTime.ToUtc(starts) > utcNow ? starts : null,
        };
    }

    public static SignupFormModel From(SignupFormDto form) => new()
    {
        Slug = form.Slug, Title = form.Title, Intro = form.Intro, OpensAt = Local(form.OpensAt), ClosesAt = Local(form.ClosesAt),
        Capacity = form.Capacity, AskPhone = form.AskPhone, LiveCodeId = form.LiveCodeId,
        Questions = [.. form.Questions.Select(q => new QuestionRow
        {
            Key = q.Key, Label = q.Label, Kind = q.Kind, OptionsText = string.Join('\n', q.Options), Required = q.Required,
        })],
    };

    public SignupFormInput ToInput() => new()
    {
        Slug = Slug, Title = Title, Intro = Intro, OpensAt = Utc(OpensAt), ClosesAt = Utc(ClosesAt), Capacity = Capacity,
        AskPhone = AskPhone, LiveCodeId = LiveCodeId,
        Questions = [.. Questions.Select(q => new SignupQuestionInput
        {
            Key = q.Key, Label = q.Label, Kind = q.Kind, Required = q.Required,
            Options = q.Kind == QuestionKind.Choice ? [.. (q.OptionsText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : [],
        })],
    };

    private static DateTime? Local(DateTime? utc) => utc is { } u ? PortalTime.ToLocal(u) : null;

    private static DateTime? Utc(DateTime? local) => local is { } l ? PortalTime.ToUtc(l) : null;
}

public sealed class QuestionRow
{
    public string? Key { get; set; }

    public string Label { get; set; } = "";

    public QuestionKind Kind { get; set; }

    /// <summary>One option per line.</summary>
    public string? OptionsText { get; set; }

    public bool Required { get; set; }
}
