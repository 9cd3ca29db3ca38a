using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>
/// Writes a PDF file object by object: numbers are reserved first (so objects can point at each other in any order),
/// each object is written once, and the cross-reference table and trailer close the file (PDF 1.7, ISO 32000-1 §7.5).
/// </summary>
internal sealed class PdfObjectWriter
{
    private readonly MemoryStream _output = new();
    private readonly List<long> _offsets = [0];

    public PdfObjectWriter()
    {
        // The binary comment line tells transfer tools the file is not plain text.
        Raw("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n", Encoding.Latin1);
    }

    /// <summary>A new object number, to be written later with <see cref="Write"/> or <see cref="WriteStream"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public void Write(int number, string dictionary)
    {
        Begin(number);
        Raw(dictionary + "\nendobj\n");
    }

    /// <summary>A stream object; <paramref name="compress"/> deflates it (FlateDecode) unless it already carries a filter.</summary>
    public void WriteStream(int number, string dictionaryEntries, byte[] data, bool compress = true)
    {
        var body = compress ? Deflate(data) : data;
        Begin(number);
        Raw($"<< {dictionaryEntries}{(compress ? " /Filter /FlateDecode" : "")} /Length {body.Length} >>\nstream\n");
        _output.Write(body);
        Raw("\nendstream\nendobj\n");
    }

    /// <summary>The finished file: every reserved object must have been written.</summary>
    public byte[] Finish(int catalog, int info)
    {
        var missing = _offsets.Skip(1).Select((offset, i) => (offset, number: i + 1)).Where(o => o.offset < 0).Select(o => o.number).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"PDF objects reserved but never written: {string.Join(", ", missing)}.");
        }
        var xref = _output.Position;
        var table = new StringBuilder().Append(CultureInfo.InvariantCulture, $"xref\n0 {_offsets.Count}\n0000000000 65535 f \n");
        foreach (var offset in _offsets.Skip(1))
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {_offsets.Count} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Raw(table.ToString());
        return _output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }
        return compressed.ToArray();
    }

    /// <summary>A number as PDF writes it: invariant, no exponent, at most four decimals.</summary>
    public static string Number(double value)
    {
        var text = Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>A text string (e.g. the document title) as UTF-16BE with its byte-order mark, in hex.</summary>
    public static string TextString(string value) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    private void Begin(int number)
    {
        if (number <= 0 || number >= _offsets.Count || _offsets[number] >= 0)
        {
            throw new InvalidOperationException($"PDF object {number} is not reserved or already written.");
        }
        _offsets[number] = _output.Position;
        Raw($"{number} 0 obj\n");
    }

    private void Raw(string text, Encoding? encoding = null) => _output.Write((encoding ?? Encoding.ASCII).GetBytes(text));
}
