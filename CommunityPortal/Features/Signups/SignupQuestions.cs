using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.Signups;

/// <summary>Checks custom questions as an operator writes them, and answers as a person gives them.</summary>
internal static class SignupQuestions
{
    public const string Field = "Questions";

    /// <summary>
    /// The questions trimmed, with keys: a question keeps a key it already had in <paramref name="stored"/>; a new one
    /// gets the next "qN" (never one in use). Problems are reported on <see cref="Field"/>, naming the question's number.
    /// </summary>
    public static IReadOnlyList<SignupQuestion> Clean(IReadOnlyList<SignupQuestionInput> input, IReadOnlyList<SignupQuestion> stored,
        ValidationErrors errors)
    {
        if (input.Count > SignupQuestion.MaxQuestions)
        {
            errors.Add(Field, "TooMany", SignupQuestion.MaxQuestions);
            return [];
        }
        var storedKeys = stored.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
        var next = stored.Select(q => q.Key.StartsWith('q') && int.TryParse(q.Key.AsSpan(1), out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var questions = new List<SignupQuestion>();
        for (var i = 0; i < input.Count; i++)
        {
            var q = input[i];
            var number = i + 1;
            var label = Text.Clean(q.Label);
            if (label is null)
            {
                errors.Add(Field, "QuestionLabelRequired", number);
            }
            else if (label.Length > SignupQuestion.LabelMax)
            {
                errors.Add(Field, "QuestionLabelMax", number, SignupQuestion.LabelMax);
            }
            else if (!labels.Add(label))
            {
                errors.Add(Field, "QuestionDuplicate", number);
            }
            if (!Enum.IsDefined(q.Kind))
            {
                errors.Add(Field, "QuestionKindInvalid", number);
            }
            List<string> options = [];
            if (q.Kind == QuestionKind.Choice)
            {
                options = [.. (q.Options ?? []).Select(Text.Clean).OfType<string>()];
                if (options.Count < 2 || options.Count > SignupQuestion.MaxOptions)
                {
                    errors.Add(Field, "QuestionOptionsCount", number, 2, SignupQuestion.MaxOptions);
                }
                if (options.Any(o => o.Length > SignupQuestion.OptionMax))
                {
                    errors.Add(Field, "QuestionOptionMax", number, SignupQuestion.OptionMax);
                }
                if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                {
                    errors.Add(Field, "QuestionOptionDuplicate", number);
                }
            }
            var key = q.Key is { } kept && storedKeys.Contains(kept) && keys.Add(kept) ? kept : null;
            if (key is null)
            {
                key = $"q{next++}";
                keys.Add(key);
            }
            questions.Add(new SignupQuestion(key, label ?? "", q.Kind, options, q.Required));
        }
        return questions;
    }

    public static string AnswerField(string key) => $"Answers.{key}";

    /// <summary>The answers to the form's questions, in its order; unanswered optional questions are left out.</summary>
    public static IReadOnlyList<SignupAnswer> Answers(IReadOnlyList<SignupQuestion> questions, IReadOnlyDictionary<string, string?> given,
        ValidationErrors errors)
    {
        var answers = new List<SignupAnswer>();
        foreach (var q in questions)
        {
            var value = Text.Clean(given.GetValueOrDefault(q.Key));
            var field = AnswerField(q.Key);
            if (value is null)
            {
                if (q.Required)
                {
                    errors.Add(field, q.Kind == QuestionKind.Choice ? "AnswerChoose" : "AnswerRequired", q.Label);
                }
                continue;
            }
            if (q.Kind == QuestionKind.Choice && !q.Options.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(field, "AnswerNotAnOption", q.Label);
                continue;
            }
            if (value.Length > SignupQuestion.AnswerMax)
            {
                errors.Add(field, "AnswerMax", q.Label, SignupQuestion.AnswerMax);
                continue;
            }
            answers.Add(new SignupAnswer(q.Key, q.Label, value));
        }
        return answers;
    }
}
