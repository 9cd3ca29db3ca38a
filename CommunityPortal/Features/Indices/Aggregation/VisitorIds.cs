using System.Buffers;
using System.Globalization;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// Numbers each distinct visitor key 1, 2, 3… so facts carry an int, not a string. A scan's key is 32 lowercase hex
/// characters (<see cref="Visitors.VisitorCookie.Hash"/>): kept as the 128-bit number it spells, which is the same key
/// exactly, in a third of the memory of the string (half a million visitors: 15 MB instead of 44 MB). Any other key is
/// kept as it is; both share one numbering.
/// </summary>
public sealed class VisitorIds
{
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private readonly Dictionary<UInt128, int> _hex = [];
    private readonly Dictionary<string, int> _other = new(StringComparer.Ordinal);

    public int Count => _hex.Count + _other.Count;

    public int Intern(string visitor)
    {
        if (AsNumber(visitor) is { } number)
        {
            if (!_hex.TryGetValue(number, out var id))
            {
                _hex[number] = id = Count + 1;
            }
            return id;
        }
        if (!_other.TryGetValue(visitor, out var other))
        {
            _other[visitor] = other = Count + 1;
        }
        return other;
    }

    public void TrimExcess()
    {
        _hex.TrimExcess();
        _other.TrimExcess();
    }

    /// <summary>The number a 32-character lowercase hex key spells; null for any other key (upper case included, so two
    /// keys that differ only in case stay two visitors).</summary>
    public static UInt128? AsNumber(string visitor)
    {
        if (visitor.Length != 32 || visitor.AsSpan().ContainsAnyExcept(LowerHex))
        {
            return null;
        }
        return UInt128.Parse(visitor, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
