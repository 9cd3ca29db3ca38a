using System.Globalization;
using CommunityPortal.Data;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Plans;

/// <summary>Checks a plan input; every refusal names its field (and its step), in the user's language.</summary>
public sealed class SopPlanValidator(IStringLocalizer<ValidationText> shared, IStringLocalizer<SopText> text)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<SopText>(shared, text);

    /// <summary>The steps as they will be stored (keys kept or made, assignees resolved); throws when anything is refused.</summary>
    public async Task<(string Name, string? Description, List<SopStep> Steps)> ValidateAsync(PortalDbContext db, SopPlanInput input,
        CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var name = Text.Clean(input.Name);
        errors.Required(nameof(input.Name), name, SopPlan.NameMax);
        var description = Text.Clean(input.Description);
        errors.MaxLength(nameof(input.Description), description, SopPlan.DescriptionMax);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Invalid");
        }
        if (input.Steps.Count == 0)
        {
            errors.Add(nameof(input.Steps), "StepsRequired");
        }
        else if (input.Steps.Count > SopStep.MaxSteps)
        {
            errors.Add(nameof(input.Steps), "TooMany", SopStep.MaxSteps);
        }
        var steps = new List<SopStep>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Steps.Count && i < SopStep.MaxSteps; i++)
        {
            steps.Add(await StepAsync(db, errors, input.Kind, input.Steps[i], i, keys, ct));
        }
        errors.ThrowIfAny();
        return (name!, description, steps);
    }

    private async Task<SopStep> StepAsync(PortalDbContext db, ValidationErrors errors, SopPlanKind kind, SopStepInput input, int index,
        HashSet<string> keys, CancellationToken ct)
    {
        void Refuse(string field, string key, params object[] args) =>
            errors.AddLabelled($"Steps[{index}].{field}", text["StepField", index + 1, Messages["Field." + field]], key, args);

        var time = default(TimeOnly);
        if (string.IsNullOrWhiteSpace(input.Time))
        {
            Refuse("Time", "Required");
        }
        else if (!TimeOnly.TryParseExact(input.Time.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            Refuse("Time", "TimeFormat");
        }
        if (kind == SopPlanKind.Weekly && input.Weekdays.Count == 0)
        {
            Refuse("Weekdays", "WeekdaysRequired");
        }
        if (input.Weekdays.Any(d => !Enum.IsDefined(d)))
        {
            Refuse("Weekdays", "Invalid");
        }
        if (kind == SopPlanKind.Relative && input.DayOffset is < 0 or > SopStep.MaxDayOffset)
        {
            Refuse("DayOffset", "Range", 0, SopStep.MaxDayOffset);
        }
        var title = Text.Clean(input.Title);
        if (string.IsNullOrWhiteSpace(title))
        {
            Refuse("Title", "Required");
        }
        else if (title.Length > SopStep.TitleMax)
        {
            Refuse("Title", "MaxLength", SopStep.TitleMax);
        }
        var content = input.Content?.Trim();
        if (string.IsNullOrWhiteSpace(content))
        {
            Refuse("Content", "Required");
        }
        else if (content.Length > SopStep.ContentMax)
        {
            Refuse("Content", "MaxLength", SopStep.ContentMax);
        }
        foreach (var unknown in SopPlaceholders.Unknown(content).Concat(SopPlaceholders.Unknown(title)).Distinct())
        {
            Refuse("Content", "UnknownPlaceholder", "{" + unknown + "}", SopPlaceholders.List);
        }
        var image = Url(input.ImageUrl, "ImageUrl", Refuse);
        var link = Url(input.LinkUrl, "LinkUrl", Refuse);
        string? assignee = null;
        if (!Enum.IsDefined(input.AssigneeMode))
        {
            Refuse("Assignee", "Invalid");
        }
        else if (input.AssigneeMode == SopAssigneeMode.User)
        {
            var wanted = input.Assignee?.Trim();
            assignee = string.IsNullOrEmpty(wanted) ? null : await db.Set<ApplicationUser>()
                .Where(u => u.Id == wanted || u.NormalizedEmail == wanted.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (string.IsNullOrEmpty(wanted))
            {
                Refuse("Assignee", "Required");
            }
            else if (assignee is null)
            {
                Refuse("Assignee", "UnknownUser");
            }
        }
        var key = input.Key is { Length: > 0 and <= SopStep.KeyLength } k && keys.Add(k) ? k : NewKey(keys);
        return new SopStep
        {
            Key = key,
            Position = index,
            TimeOfDay = new TimeOnly(time.Hour, time.Minute),
            Weekdays = kind == SopPlanKind.Weekly ? SopStep.Mask(input.Weekdays.Where(Enum.IsDefined)) : 0,
            DayOffset = kind == SopPlanKind.Relative ? input.DayOffset : 0,
            Title = title ?? "",
            Content = content ?? "",
            ImageUrl = image,
            LinkUrl = link,
            AssigneeMode = input.AssigneeMode,
            AssigneeId = assignee,
        };
    }

    private static string? Url(string? value, string field, Action<string, string, object[]> refuse)
    {
        var url = Text.Clean(value);
        if (url is null)
        {
            return null;
        }
        if (url.Length > SopStep.UrlMax)
        {
            refuse(field, "MaxLength", [SopStep.UrlMax]);
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            refuse(field, "UrlFormat", []);
        }
        return url;
    }

    private static string NewKey(HashSet<string> keys)
    {
        string key;
        do
        {
            key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(SopStep.KeyLength / 2));
        }
        while (!keys.Add(key));
        return key;
    }
}
