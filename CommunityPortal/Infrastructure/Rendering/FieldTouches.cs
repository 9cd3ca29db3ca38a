
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Which fields' errors a person sees: those of fields they changed or left, or all of them once they pressed a
/// download. A form that opens with a required field empty does not greet them with an error.
/// </summary>
public sealed class FieldTouches
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    public bool ShowsAll { get; private set; }

    /// <summary>True when the field was not touched before (its errors, if any, show from now on).</summary>
    public bool Touch(string field) => _touched.Add(field);

    public void ShowAll() => ShowsAll = true;

    public IReadOnlyDictionary<string, string[]> Visible(IReadOnlyDictionary<string, string[]> errors) =>
        ShowsAll ? errors : errors.Where(e => _touched.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
