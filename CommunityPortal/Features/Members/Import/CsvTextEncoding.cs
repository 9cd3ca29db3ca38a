using System.Text;
using System.Text.Unicode;

namespace CommunityPortal.Features.Members.Import;

/// <summary>What the user picked on the page: let the portal tell, or say it.</summary>
public enum EncodingChoice
{
    Auto = 0,
    Utf8 = 1,
    Gbk = 2,
}

/// <summary>The encoding a file was read with.</summary>
public enum CsvEncoding
{
    Utf8 = 0,
    /// <summary>GBK as Excel in China saves "CSV (逗号分隔)", read as GB18030 (its superset).</summary>
    Gbk = 1,
    /// <summary>Excel's "Unicode text": UTF-16 with a byte-order mark.</summary>
    Utf16 = 2,
}

/// <summary>
/// Tells UTF-8 from GBK. A byte-order mark decides; otherwise a file that is valid UTF-8 from end to end is UTF-8, and
/// anything else is GBK. Chinese text in GBK is practically never valid UTF-8 (its two-byte pairs do not form UTF-8's
/// lead-and-continuation patterns over a whole file), while UTF-8 is always valid: the test is one-sided and safe.
/// Pure ASCII is the same in both. The page lets the user override when a tiny file fools the rule.
/// </summary>
public static class CsvTextEncoding
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>GB18030 reads everything GBK (code page 936) writes, and the four-byte characters GBK lacks.</summary>
    public static Encoding Gbk { get; } = CreateGbk();

    public static CsvEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            return CsvEncoding.Utf8;
        }
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return CsvEncoding.Utf16;
        }
        return Utf8.IsValid(bytes) ? CsvEncoding.Utf8 : CsvEncoding.Gbk;
    }

    /// <summary>The text of the file and the encoding it was read with; bytes that do not fit become U+FFFD.</summary>
    public static (string Text, CsvEncoding Encoding) Decode(ReadOnlySpan<byte> bytes, EncodingChoice choice)
    {
        var encoding = choice switch
        {
            EncodingChoice.Utf8 => CsvEncoding.Utf8,
            EncodingChoice.Gbk => CsvEncoding.Gbk,
            _ => Detect(bytes),
        };
        var text = encoding switch
        {
            CsvEncoding.Utf8 => Encoding.UTF8.GetString(bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes),
            CsvEncoding.Utf16 => bytes[0] == 0xFF ? Encoding.Unicode.GetString(bytes[2..]) : Encoding.BigEndianUnicode.GetString(bytes[2..]),
            _ => Gbk.GetString(bytes),
        };
        return (text, encoding);
    }

    private static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
