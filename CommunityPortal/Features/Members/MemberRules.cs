using System.Text;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.Members;

/// <summary>Formats of what identifies a person: mainland mobile numbers and WeChat UnionIDs.</summary>
public static partial class MemberRules
{
    public const int PhoneLength = 11;
    public const int UnionIdMin = 20;
    public const int UnionIdMax = 64;

    /// <summary>
    /// The 11-digit mainland mobile number in <paramref name="value"/>, or null when it is not one. Accepts what people
    /// type and spreadsheets hold: spaces, dashes, dots and brackets, full-width digits, a +86 / 0086 / 86 prefix.
    /// </summary>
    public static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var digits = new StringBuilder(value.Length);
        var plus = false;
        foreach (var c in value.Trim())
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is >= '０' and <= '９')
            {
                digits.Append((char)('0' + (c - '０')));
            }
            else if (c is '+' or '＋' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '（' or '）' or '\u3000'))
            {
                return null;
            }
        }
        var number = digits.ToString();
        if (number.StartsWith("0086", StringComparison.Ordinal))
        {
            number = number[4..];
        }
        else if (number.Length == PhoneLength + 2 && number.StartsWith("86", StringComparison.Ordinal))
        {
            number = number[2..];
        }
        else if (plus)
        {
            return null;
        }
        return MobilePattern().IsMatch(number) ? number : null;
    }

    /// <summary>138****5678: the middle four digits hidden, for lists and exports.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is { Length: PhoneLength } ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)) : phone;

    /// <summary>
    /// A WeChat UnionID as the open platform gives it: 20 to 64 letters, digits, '-' or '_' (real ones are 28 or 29
    /// characters starting with 'o'; the range leaves room for test and migrated ids without letting typos through).
    /// </summary>
    public static bool IsUnionId(string? value) => value is not null && UnionIdPattern().IsMatch(value);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{20,64}$")]
    private static partial Regex UnionIdPattern();
}
