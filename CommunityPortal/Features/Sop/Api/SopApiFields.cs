using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.Sop.Api;

/// <summary>
/// Names a step's field the way the client sent it: the validator's "Steps[1].Time" becomes "steps[1].time" (the
/// shared problem writer only lower-cases the first letter, which is right for plain names and for data keys, but a
/// client looking for steps[1].time should find it).
/// </summary>
public static partial class SopApiFields
{
    public static async Task<T> NamedAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (PortalValidationException ex)
        {
            throw new PortalValidationException(ex.Errors
                .GroupBy(e => Path(e.Key))
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()));
        }
    }

    public static string Path(string field) => Segment().Replace(field, m => JsonNamingPolicy.CamelCase.ConvertName(m.Value));

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Segment();
}
