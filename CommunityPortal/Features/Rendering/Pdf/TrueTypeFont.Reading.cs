using System.Buffers.Binary;
using System.Text;

namespace CommunityPortal.Features.Rendering.Pdf;
/// <summary>Reading the tables: directory, metrics, glyph offsets, names; and the bounds-checked table reader.</summary>
internal sealed partial class TrueTypeFont
{
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
}
