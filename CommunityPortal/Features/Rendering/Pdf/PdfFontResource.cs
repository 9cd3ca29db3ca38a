using System.Globalization;
using System.Text;

namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>
/// The poster font inside one PDF: text is shown as glyph ids (Type0 font, Identity-H encoding, CIDToGIDMap Identity),
/// only the glyphs used are embedded (a TrueType subset, FontFile2), and a ToUnicode map lets readers copy and search
/// the text (ISO 32000-1 §9.7, §9.10).
/// </summary>
internal sealed class PdfFontResource(TrueTypeFont font)
{
    private const int BfcharBlock = 100;

    /// <summary>Glyph id → the code point first shown with it (for ToUnicode).</summary>
    private readonly SortedDictionary<ushort, int> _used = new() { [0] = 0xFFFD };

    public TrueTypeFont Font { get; } = font;

    /// <summary>The text as a hex string of two-byte glyph ids, for Tj; its glyphs are remembered for the subset.</summary>
    public string Encode(string text)
    {
        var hex = new StringBuilder("<");
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = Font.GlyphId(rune.Value);
            _used.TryAdd(glyph, rune.Value);
            hex.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
        }
        return hex.Append('>').ToString();
    }

    /// <summary>Writes the Type0 font into <paramref name="type0"/> and its parts into new objects.</summary>
    public void WriteTo(PdfObjectWriter writer, int type0)
    {
        int cidFont = writer.Reserve(), descriptor = writer.Reserve(), file = writer.Reserve(), toUnicode = writer.Reserve();
        var name = $"{SubsetTag()}+{Font.PostScriptName}";
        writer.Write(type0,
            $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
        writer.Write(cidFont,
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + $"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{Widths()}] /CIDToGIDMap /Identity >>");
        var (xMin, yMin, xMax, yMax) = Font.BoundingBox;
        writer.Write(descriptor,
            $"<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox [{Scale(xMin)} {Scale(yMin)} {Scale(xMax)} {Scale(yMax)}] "
            + $"/ItalicAngle {PdfObjectWriter.Number(Font.ItalicAngle)} /Ascent {Scale(Font.Ascender)} /Descent {Scale(Font.Descender)} "
            + $"/CapHeight {Scale(Font.CapHeight)} /StemV 80 /FontFile2 {file} 0 R >>");
        var subset = Font.Subset(_used.Keys);
        writer.WriteStream(file, $"/Length1 {subset.Length}", subset);
        writer.WriteStream(toUnicode, "", Encoding.ASCII.GetBytes(ToUnicodeMap()));
    }

    private string Widths() => string.Join(' ', _used.Keys.Select(g => $"{g} [{Scale(Font.AdvanceWidth(g))}]"));

    private int Scale(int units) => (int)Math.Round(units * 1000.0 / Font.UnitsPerEm);

    /// <summary>Six capital letters naming this subset (PDF's convention for subset fonts), from the glyphs it holds.</summary>
    private string SubsetTag()
    {
        var hash = 17u;
        foreach (var glyph in _used.Keys)
        {
            hash = unchecked(hash * 31 + glyph);
        }
        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + hash % 26);
            hash /= 26;
        }
        return new string(tag);
    }

    private string ToUnicodeMap()
    {
        var map = new StringBuilder()
            .Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in _used.Where(u => u.Key != 0).Chunk(BfcharBlock))
        {
            map.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var (glyph, codePoint) in block)
            {
                var utf16 = Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(codePoint)));
                map.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{utf16}>\n");
            }
            map.Append("endbfchar\n");
        }
        return map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").ToString();
    }
}
