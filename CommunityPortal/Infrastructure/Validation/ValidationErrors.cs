using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Validation;

/// <summary>
/// Collects field errors with messages from the shared validation resources, in the current UI culture.
/// Field labels come from the same resources under "Field.{Name}".
/// </summary>
public sealed class ValidationErrors(IStringLocalizer<ValidationText> text)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public string Label(string field) => text["Field." + field];

    public void Add(string field, string key, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(text[key, [Label(field), .. args]]);
    }

    /// <summary>An error whose label is not "Field.{field}" (e.g. "Step 2: time" for Steps[1].Time).</summary>
    public void AddLabelled(string field, string label, string key, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(text[key, [label, .. args]]);
    }

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, "MaxLength", maxLength);
        }
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, "Range", min, max);
        }
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new PortalValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
