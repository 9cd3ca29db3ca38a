using System.Buffers.Binary;
using System.Text;

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
internal sealed class TrueTypeFont
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

    // ---- Parsing -------------------------------------------------------------------------------------

    /// <summary>Reads the offset table and table records, checking the font flavour and that every table lies inside the file.</summary>
    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(byte[] data)
    {
        if (data.Length < 12)
        {
            throw new InvalidDataException("The data is too short to be a TrueType font.");
        }
        var version = BinaryPrimitives.ReadUInt32BigEndian(data);
        switch (version)
        {
            case 0x74746366: // 'ttcf'
                throw new InvalidDataException("The data is a font collection (.ttc); use FontCollection.ExtractFace first.");
            case 0x4F54544F: // 'OTTO'
                throw new InvalidDataException("The font has CFF (PostScript) outlines; a PDF CIDFontType2 needs TrueType outlines (glyf).");
            case not (0x00010000 or 0x74727565): // 1.0 or 'true'
                throw new InvalidDataException("The data is not a TrueType font (unknown sfnt version).");
        }

        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        if (12 + 16L * tableCount > data.Length)
        {
            throw new InvalidDataException($"The font is truncated: its table directory of {tableCount} tables does not fit.");
        }
        var tables = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        for (var i = 0; i < tableCount; i++)
        {
            var record = data.AsSpan(12 + 16 * i, 16);
            var tag = Encoding.Latin1.GetString(record[..4]);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if ((long)offset + length > data.Length)
            {
                throw new InvalidDataException($"The font is truncated: table '{tag}' lies outside the data.");
            }
            tables.TryAdd(tag, ((int)offset, (int)length));
        }

        var missing = RequiredTables.Where(tag => !tables.ContainsKey(tag)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(tag => $"'{tag}'"));
            throw new InvalidDataException($"The font lacks required tables: {names}.");
        }
        return tables;
    }

    /// <summary>The advance widths of the hmtx long metrics.</summary>
    private static ushort[] ReadAdvances(TableReader hmtx, int longMetricCount)
    {
        if (longMetricCount == 0)
        {
            throw new InvalidDataException("The 'hhea' table gives numberOfHMetrics 0.");
        }
        var advances = new ushort[longMetricCount];
        for (var i = 0; i < advances.Length; i++)
        {
            advances[i] = hmtx.U16(4 * i);
        }
        return advances;
    }

    /// <summary>The numGlyphs + 1 glyph offsets of the loca table, checked to be ascending and inside glyf.</summary>
    private static int[] ReadGlyphOffsets(TableReader loca, bool longFormat, int glyphCount, int glyfLength)
    {
        var offsets = new int[glyphCount + 1];
        for (var i = 0; i < offsets.Length; i++)
        {
            var offset = longFormat ? loca.U32(4 * i) : 2L * loca.U16(2 * i);
            var previous = i == 0 ? 0 : offsets[i - 1];
            if (offset < previous || offset > glyfLength)
            {
                throw new InvalidDataException($"The 'loca' table is malformed: glyph {i} lies outside 'glyf' or before the previous glyph.");
            }
            offsets[i] = (int)offset;
        }
        return offsets;
    }

    /// <summary>OS/2 sCapHeight when present and non-zero.</summary>
    private short? ReadCapHeight()
    {
        if (!_tables.TryGetValue("OS/2", out var os2) || os2.Length < 90)
        {
            return null;
        }
        var reader = Reader("OS/2");
        var capHeight = reader.I16(88);
        return reader.U16(0) >= 2 && capHeight != 0 ? capHeight : null;
    }

    /// <summary>
    /// Name ID 6 from the name table, Windows (UTF-16BE) before Macintosh (Roman), reduced to the characters
    /// a PDF font name can carry safely. The name table is cosmetic here, so broken records are skipped.
    /// </summary>
    private string? ReadPostScriptName()
    {
        if (!_tables.ContainsKey("name"))
        {
            return null;
        }
        var name = Reader("name");
        var count = name.U16(2);
        var storage = name.U16(4);
        string? mac = null;
        for (var i = 0; i < count; i++)
        {
            var record = 6 + 12 * i;
            if (!name.Has(record, 12) || name.U16(record + 6) != 6)
            {
                continue;
            }
            var (platform, offset, length) = (name.U16(record), storage + name.U16(record + 10), name.U16(record + 8));
            if (!name.Has(offset, length))
            {
                continue;
            }
            var bytes = name.Bytes(offset, length);
            if (platform == 3)
            {
                return Clean(Encoding.BigEndianUnicode.GetString(bytes));
            }
            if (platform == 1)
            {
                mac ??= Clean(Encoding.Latin1.GetString(bytes));
            }
        }
        return mac;

        static string? Clean(string raw)
        {
            var kept = string.Concat(raw.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(63));
            return kept.Length > 0 ? kept : null;
        }
    }

    /// <summary>Component glyph ids of a composite glyph description (numberOfContours &lt; 0).</summary>
    private static List<ushort> ReadComponents(ReadOnlySpan<byte> outline, ushort glyph)
    {
        const ushort ArgsAreWords = 0x0001, HasScale = 0x0008, MoreComponents = 0x0020, HasXYScale = 0x0040, HasTwoByTwo = 0x0080;

        var components = new List<ushort>();
        var position = 10; // after numberOfContours and the bounding box
        ushort flags;
        do
        {
            if (position + 4 > outline.Length)
            {
                throw new InvalidDataException($"The composite glyph {glyph} is truncated.");
            }
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[position..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(outline[(position + 2)..]));
            position += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            position += (flags & HasScale) != 0 ? 2 : (flags & HasXYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);

        if (position > outline.Length)
        {
            throw new InvalidDataException($"The composite glyph {glyph} is truncated.");
        }
        return components;
    }

    // ---- Subsetting ----------------------------------------------------------------------------------

    /// <summary>Glyph 0, the requested glyphs inside the font and, recursively, the components of composites.</summary>
    private bool[] GlyphClosure(IEnumerable<ushort> glyphs)
    {
        var keep = new bool[GlyphCount];
        var pending = new Stack<ushort>(glyphs.Prepend((ushort)0));
        while (pending.TryPop(out var glyph))
        {
            if (glyph >= GlyphCount || keep[glyph])
            {
                continue;
            }
            keep[glyph] = true;
            foreach (var component in ComponentsOf(glyph))
            {
                pending.Push(component);
            }
        }
        return keep;
    }

    /// <summary>New glyf (kept outlines, each padded to 4 bytes) and long-format loca (empty entries for the rest).</summary>
    private (byte[] Glyf, byte[] Loca) BuildGlyphTables(bool[] keep)
    {
        var glyfLength = 0;
        for (var glyph = 0; glyph < GlyphCount; glyph++)
        {
            glyfLength += keep[glyph] ? Pad(_glyphOffsets[glyph + 1] - _glyphOffsets[glyph]) : 0;
        }
        var glyf = new byte[glyfLength];
        var loca = new byte[4 * (GlyphCount + 1)];
        var position = 0;
        for (var glyph = 0; glyph < GlyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * glyph), (uint)position);
            if (keep[glyph])
            {
                var outline = GlyphData((ushort)glyph);
                outline.CopyTo(glyf.AsSpan(position));
                position += Pad(outline.Length);
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * GlyphCount), (uint)position);
        return (glyf, loca);
    }

    /// <summary>
    /// hmtx with every advance width unchanged; only the left side bearings of the emptied glyphs become 0
    /// (an empty glyph has no bounding box). Same size, but it deflates to a few kilobytes instead of tens.
    /// </summary>
    private byte[] BuildHmtx(bool[] keep)
    {
        var hmtx = TableBytes("hmtx").ToArray();
        var longMetrics = _advances.Length;
        for (var glyph = 0; glyph < GlyphCount; glyph++)
        {
            var bearing = glyph < longMetrics ? 4 * glyph + 2 : 4 * longMetrics + 2 * (glyph - longMetrics);
            if (!keep[glyph] && bearing + 2 <= hmtx.Length)
            {
                BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan(bearing), 0);
            }
        }
        return hmtx;
    }

    /// <summary>The head table with long loca and checkSumAdjustment zeroed (set once the file is assembled).</summary>
    private byte[] BuildHead()
    {
        var head = TableBytes("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        return head;
    }

    /// <summary>A version 3.0 post table: the original 32-byte header (zeros without one), without glyph names.</summary>
    private byte[] BuildPost()
    {
        var post = new byte[PostHeaderLength];
        if (_tables.ContainsKey("post"))
        {
            var original = TableBytes("post");
            original[..Math.Min(original.Length, PostHeaderLength)].CopyTo(post);
        }
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }

    /// <summary>Assembles an sfnt: offset table, sorted table records with checksums, 4-byte aligned tables, head checkSumAdjustment.</summary>
    private static byte[] WriteFont(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + 16 * count;
        var font = new byte[headerLength + tables.Values.Sum(table => Pad(table.Length))];

        var power = 1;
        while (power * 2 <= count)
        {
            power *= 2;
        }
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(16 * (count - power)));

        var (record, position, headOffset) = (12, headerLength, 0);
        foreach (var (tag, table) in tables)
        {
            Encoding.Latin1.GetBytes(tag, font.AsSpan(record));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 4), Checksum(table));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 8), (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(record + 12), (uint)table.Length);
            table.CopyTo(font.AsSpan(position));
            headOffset = tag == "head" ? position : headOffset;
            record += 16;
            position += Pad(table.Length);
        }
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), unchecked(ChecksumMagic - Checksum(font)));
        return font;
    }

    /// <summary>The sfnt checksum: the sum of big-endian 32-bit words, the last one padded with zeros.</summary>
    internal static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }
        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private ReadOnlySpan<byte> TableBytes(string tag)
    {
        var (offset, length) = _tables[tag];
        return _data.AsSpan(offset, length);
    }

    private TableReader Reader(string tag) => new(tag, TableBytes(tag));

    /// <summary>Big-endian reads inside one table; reading past its end is reported as a malformed table.</summary>
    private readonly ref struct TableReader(string tag, ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public string Tag { get; } = tag;

        public int Length => _bytes.Length;

        public bool Has(int offset, int length) => offset >= 0 && length >= 0 && (long)offset + length <= _bytes.Length;

        public ReadOnlySpan<byte> Bytes(int offset, int length) => Has(offset, length) ? _bytes.Slice(offset, length) : throw Truncated();

        public ushort U16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(Bytes(offset, 2));

        public short I16(int offset) => BinaryPrimitives.ReadInt16BigEndian(Bytes(offset, 2));

        public uint U32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(Bytes(offset, 4));

        public int I32(int offset) => BinaryPrimitives.ReadInt32BigEndian(Bytes(offset, 4));

        private InvalidDataException Truncated() => new($"The '{Tag}' table is truncated or malformed.");
    }

    /// <summary>
    /// Unicode code point → glyph id from one cmap subtable: format 4 (BMP) is expanded into a dictionary,
    /// format 12 groups are searched by binary search.
    /// </summary>
    private sealed class CharacterMap
    {
        private readonly Dictionary<int, ushort> _map = [];
        private (uint Start, uint End, uint Glyph)[] _groups = [];
        private int _glyphCount;

        /// <summary>Maps nothing: for fonts without a cmap table.</summary>
        public static CharacterMap Empty { get; } = new();

        public ushort Lookup(int codePoint)
        {
            if (codePoint is < 0 or > 0x10FFFF)
            {
                return 0;
            }
            var glyph = _groups.Length > 0 ? GroupLookup((uint)codePoint) : _map.GetValueOrDefault(codePoint);
            return glyph < _glyphCount ? (ushort)glyph : (ushort)0;
        }

        private long GroupLookup(uint codePoint)
        {
            var (low, high) = (0, _groups.Length - 1);
            while (low <= high)
            {
                var middle = (low + high) / 2;
                var (start, end, glyph) = _groups[middle];
                if (codePoint < start)
                {
                    high = middle - 1;
                }
                else if (codePoint > end)
                {
                    low = middle + 1;
                }
                else
                {
                    return (long)glyph + (codePoint - start);
                }
            }
            return 0;
        }

        /// <summary>Picks the best Unicode subtable: (3,10) format 12, (0,x) format 12, (3,1) format 4, (0,x) format 4.</summary>
        public static CharacterMap Read(TableReader cmap, int glyphCount)
        {
            var (bestRank, bestOffset) = (int.MaxValue, -1);
            var count = cmap.U16(2);
            for (var i = 0; i < count; i++)
            {
                var record = 4 + 8 * i;
                var (platform, encoding, offset) = (cmap.U16(record), cmap.U16(record + 2), cmap.U32(record + 4));
                if (offset > int.MaxValue || !cmap.Has((int)offset, 2))
                {
                    throw new InvalidDataException("The 'cmap' table is malformed: a subtable lies outside it.");
                }
                var rank = (platform, encoding, cmap.U16((int)offset)) switch
                {
                    (3, 10, 12) => 0,
                    (0, _, 12) => 1,
                    (3, 1, 4) => 2,
                    (0, _, 4) => 3,
                    _ => int.MaxValue,
                };
                if (rank < bestRank)
                {
                    (bestRank, bestOffset) = (rank, (int)offset);
                }
            }
            if (bestOffset < 0)
            {
                throw new InvalidDataException("The 'cmap' table has no Unicode subtable in format 4 or 12.");
            }
            var map = new CharacterMap { _glyphCount = glyphCount };
            if (bestRank <= 1)
            {
                map.ReadFormat12(cmap, bestOffset);
            }
            else
            {
                map.ReadFormat4(cmap, bestOffset);
            }
            return map;
        }

        /// <summary>Segment mapping to delta values; the subtable's own 16-bit length is not trusted (it overflows in big fonts).</summary>
        private void ReadFormat4(TableReader cmap, int table)
        {
            var segmentCount = cmap.U16(table + 6) / 2;
            var ends = table + 14;
            var starts = ends + 2 * segmentCount + 2;
            var deltas = starts + 2 * segmentCount;
            var rangeOffsets = deltas + 2 * segmentCount;
            for (var segment = 0; segment < segmentCount; segment++)
            {
                var (start, end) = (cmap.U16(starts + 2 * segment), cmap.U16(ends + 2 * segment));
                var delta = cmap.U16(deltas + 2 * segment);
                var rangeOffsetPosition = rangeOffsets + 2 * segment;
                var rangeOffset = cmap.U16(rangeOffsetPosition);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    // With a range offset, the id comes from glyphIdArray (addressed from the offset's own position); 0 stays 0.
                    int glyph = rangeOffset == 0 ? c : cmap.U16(rangeOffsetPosition + rangeOffset + 2 * (c - start));
                    if (glyph != 0 || rangeOffset == 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                    if (glyph != 0)
                    {
                        _map.TryAdd(c, (ushort)glyph);
                    }
                }
            }
        }

        /// <summary>Segmented coverage: groups of consecutive code points mapped to consecutive glyph ids.</summary>
        private void ReadFormat12(TableReader cmap, int table)
        {
            var groupCount = cmap.U32(table + 12);
            if (!cmap.Has(table + 16, (int)Math.Min(groupCount * 12, int.MaxValue)))
            {
                throw new InvalidDataException("The 'cmap' format 12 subtable is truncated.");
            }
            var groups = new (uint Start, uint End, uint Glyph)[groupCount];
            for (var i = 0; i < groups.Length; i++)
            {
                var record = table + 16 + 12 * i;
                groups[i] = (cmap.U32(record), cmap.U32(record + 4), cmap.U32(record + 8));
                if (groups[i].Start > groups[i].End)
                {
                    throw new InvalidDataException("The 'cmap' format 12 subtable has a group that ends before it starts.");
                }
            }
            Array.Sort(groups, (a, b) => a.Start.CompareTo(b.Start));
            _groups = groups;
        }
    }
}
