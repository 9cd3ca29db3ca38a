using System.Buffers.Binary;
using System.Text;

namespace CommunityPortal.Features.Rendering.Pdf;
/// <summary>Writing the same-id glyph subset: composite closure, rebuilt glyf/loca/hmtx/head/post, table directory and checksums.</summary>
internal sealed partial class TrueTypeFont
{
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
}
