using System.Buffers.Binary;

namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>
/// Reads a single-face TrueType font (glyf outlines) far enough to measure text and to write a glyph
/// subset for embedding in a PDF as a CIDFontType2 with CIDToGIDMap /Identity: the subset keeps every
/// glyph id, so the PDF can use the ids from <see cref="GlyphId"/> as CIDs.
/// </summary>
/// <remarks>
/// Written from the OpenType specification (https://learn.microsoft.com/typography/opentype/spec/).
/// The byte array given to <see cref="Parse"/> is kept, not copied: don't change it afterwards.
/// Instances are immutable and safe to share between threads.
/// </remarks>
internal sealed partial class TrueTypeFont
{
    /// <summary>
    /// Tables that every font read here must have. cmap is optional so that a subset (which has none) parses again;
    /// without it every code point maps to glyph 0.
    /// </summary>
    private static readonly string[] RequiredTables = ["glyf", "head", "hhea", "hmtx", "loca", "maxp"];

    /// <summary>Tables a subset carries over byte for byte when the font has them.</summary>
    private static readonly string[] CopiedTables = ["cvt ", "fpgm", "prep", "OS/2", "name", "hhea", "maxp"];

    private const uint HeadMagicNumber = 0x5F0F3CF5;
    private const uint ChecksumMagic = 0xB1B0AFBA;
    private const int PostHeaderLength = 32;

    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables;
    private readonly int[] _glyphOffsets;   // numGlyphs + 1 offsets into glyf, from loca
    private readonly ushort[] _advances;    // one per hmtx long metric
    private readonly CharacterMap _cmap;

    private TrueTypeFont(byte[] data, Dictionary<string, (int Offset, int Length)> tables)
    {
        _data = data;
        _tables = tables;

        var head = Reader("head");
        if (head.U32(12) != HeadMagicNumber)
        {
            throw new InvalidDataException("The 'head' table is malformed (wrong magic number).");
        }
        UnitsPerEm = head.U16(18);
        if (UnitsPerEm is < 16 or > 16384)
        {
            throw new InvalidDataException($"The 'head' table gives unitsPerEm {UnitsPerEm}; it must be 16 to 16384.");
        }
        BoundingBox = (head.I16(36), head.I16(38), head.I16(40), head.I16(42));
        var longLoca = head.I16(50) switch
        {
            0 => false,
            1 => true,
            var other => throw new InvalidDataException($"The 'head' table gives an unknown indexToLocFormat {other}."),
        };

        GlyphCount = Reader("maxp").U16(4);
        if (GlyphCount == 0)
        {
            throw new InvalidDataException("The 'maxp' table says the font has no glyphs.");
        }

        var hhea = Reader("hhea");
        Ascender = hhea.I16(4);
        Descender = hhea.I16(6);
        _advances = ReadAdvances(Reader("hmtx"), hhea.U16(34));
        _glyphOffsets = ReadGlyphOffsets(Reader("loca"), longLoca, GlyphCount, _tables["glyf"].Length);
        _cmap = _tables.ContainsKey("cmap") ? CharacterMap.Read(Reader("cmap"), GlyphCount) : CharacterMap.Empty;

        CapHeight = ReadCapHeight() ?? (short)Math.Round(Ascender * 0.7, MidpointRounding.AwayFromZero);
        ItalicAngle = _tables.ContainsKey("post") ? Reader("post").I32(4) / 65536.0 : 0;
        PostScriptName = ReadPostScriptName() ?? "PosterFont";
    }

    /// <summary>Font design units per em (head).</summary>
    public int UnitsPerEm { get; }

    /// <summary>Typographic ascender in font units (hhea).</summary>
    public short Ascender { get; }

    /// <summary>Typographic descender in font units, negative below the baseline (hhea).</summary>
    public short Descender { get; }

    /// <summary>Height of capital letters: OS/2 sCapHeight when the table has it (version 2 or later, non-zero), else 70 % of the ascender.</summary>
    public short CapHeight { get; }

    /// <summary>The box around all glyphs in font units (head).</summary>
    public (short XMin, short YMin, short XMax, short YMax) BoundingBox { get; }

    /// <summary>Italic angle in degrees counter-clockwise from vertical (post); 0 without a post table.</summary>
    public double ItalicAngle { get; }

    /// <summary>The PostScript name (name ID 6) reduced to ASCII letters, digits and '-', at most 63 characters; "PosterFont" when absent.</summary>
    public string PostScriptName { get; }

    /// <summary>Number of glyphs (maxp numGlyphs); glyph ids run from 0 to GlyphCount - 1.</summary>
    public int GlyphCount { get; }

    /// <summary>
    /// Parses a single-face TrueType font. Throws <see cref="InvalidDataException"/> for collections,
    /// CFF-flavoured OpenType, missing required tables and truncated or malformed data.
    /// </summary>
    public static TrueTypeFont Parse(byte[] ttf)
    {
        ArgumentNullException.ThrowIfNull(ttf);
        try
        {
            return new TrueTypeFont(ttf, ReadTableDirectory(ttf));
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            // Safety net: every read is bounds-checked, but a malformed font must never surface as anything else.
            throw new InvalidDataException("The font data is malformed.", ex);
        }
    }

    /// <summary>
    /// The glyph id for a Unicode code point via the cmap table, or 0 (.notdef) when the font has no glyph for it
    /// (always 0 for a font without cmap, such as a subset).
    /// </summary>
    public ushort GlyphId(int codePoint) => _cmap.Lookup(codePoint);

    /// <summary>Advance width of a glyph in font units (hmtx); glyphs past the last long metric share its advance.</summary>
    public ushort AdvanceWidth(ushort glyph)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(glyph, GlyphCount);
        return _advances[Math.Min(glyph, _advances.Length - 1)];
    }

    /// <summary>
    /// Width of <paramref name="text"/> set at <paramref name="size"/>, in the unit of the size: the sum of the
    /// advances of its code points (no kerning). Control characters count as whatever glyph the cmap gives them.
    /// </summary>
    public double Measure(string text, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        long units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            units += AdvanceWidth(GlyphId(rune.Value));
        }
        return units * size / UnitsPerEm;
    }

    /// <summary>
    /// The ids of the components of a composite glyph, in order (empty for simple or empty glyphs and for ids outside the font).
    /// Glyph outlines are only read here and in <see cref="Subset"/>: a truncated composite throws <see cref="InvalidDataException"/>.
    /// </summary>
    public IReadOnlyList<ushort> ComponentsOf(ushort glyph)
    {
        if (glyph >= GlyphCount)
        {
            return [];
        }
        var outline = GlyphData(glyph);
        if (outline.Length < 2 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0)
        {
            return [];
        }
        return ReadComponents(outline, glyph);
    }

    /// <summary>
    /// A standalone TrueType font with the same glyph ids, where only glyph 0, the given glyphs and the components
    /// of composite glyphs among them keep their outlines; all other glyphs are empty. Ids outside the font are ignored.
    /// It has no cmap: it is meant for a PDF CIDFontType2 with CIDToGIDMap /Identity.
    /// </summary>
    /// <remarks>
    /// Tables: head (long loca, new checkSumAdjustment), hhea, maxp, hmtx (all advances kept), loca and glyf (rebuilt,
    /// glyphs 4-byte aligned), post 3.0 (no glyph names), and cvt, fpgm, prep, OS/2, name as they are when present.
    /// </remarks>
    public byte[] Subset(IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var keep = GlyphClosure(glyphs);
        var (glyf, loca) = BuildGlyphTables(keep);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf,
            ["loca"] = loca,
            ["hmtx"] = BuildHmtx(keep),
            ["head"] = BuildHead(),
            ["post"] = BuildPost(),
        };
        foreach (var tag in CopiedTables.Where(_tables.ContainsKey))
        {
            tables[tag] = TableBytes(tag).ToArray();
        }
        return WriteFont(tables);
    }

    /// <summary>The glyf bytes of one glyph as the loca table delimits them (empty for glyphs without outline).</summary>
    internal ReadOnlySpan<byte> GlyphData(ushort glyph)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(glyph, GlyphCount);
        var start = _glyphOffsets[glyph];
        return TableBytes("glyf")[start.._glyphOffsets[glyph + 1]];
    }

    private ReadOnlySpan<byte> TableBytes(string tag)
    {
        var (offset, length) = _tables[tag];
        return _data.AsSpan(offset, length);
    }

    private TableReader Reader(string tag) => new(tag, TableBytes(tag));
}
