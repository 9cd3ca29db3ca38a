using System.Text;

namespace CommunityPortal.Infrastructure.Csv;

/// <summary>
/// CSV cells that spreadsheet programs read as text, never as formulas (CSV injection): a cell starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, which Excel and WPS
/// take as "this is text" and do not show; then RFC 4180 quoting where the cell needs it.
/// </summary>
public static class CsvCells
{
    public const char Separator = ',';
    public const string LineEnd = "\r\n";

    /// <summary>UTF-8's byte-order mark: without it Excel in China reads a CSV as GBK and garbles every Chinese name.</summary>
    public static ReadOnlyMemory<byte> Bom { get; } = new byte[] { 0xEF, 0xBB, 0xBF };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the lines gathered so far, empties them and flushes, so a long export streams page by page.</summary>
    public static async Task FlushAsync(Stream output, StringBuilder lines, CancellationToken ct)
    {
        if (lines.Length > 0)
        {
            await output.WriteAsync(Utf8.GetBytes(lines.ToString()), ct);
            lines.Clear();
        }
        await output.FlushAsync(ct);
    }

    public static bool IsFormulaLike(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The value as one safe CSV cell.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var text = IsFormulaLike(value) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>One line: the cells, separated, ending in CRLF.</summary>
    public static void AppendLine(StringBuilder line, IEnumerable<string?> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                line.Append(Separator);
            }
            line.Append(Cell(value));
            first = false;
        }
        line.Append(LineEnd);
    }
}
