using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Features.Rendering.Pdf;

namespace CommunityPortal.Tests.Features.Rendering;

/// <summary>TrueType reading and subsetting against the poster font, WenQuanYi Micro Hei (face 0).</summary>
public sealed class TrueTypeFontTests
{
    private const string SampleText = "21天阅读训练营 长按识别二维码";

    private static readonly Lazy<byte[]> LazyFace = new(() =>
        FontCollection.ExtractFace(File.ReadAllBytes(PosterFont.DefaultPath), 0));

    private static readonly Lazy<TrueTypeFont> LazyFont = new(() => TrueTypeFont.Parse(Face));

    private static byte[] Face => LazyFace.Value;

    private static TrueTypeFont Font => LazyFont.Value;

    [Fact]
    public void Parse_ReadsTheMetrics()
    {
        Assert.Equal(2048, Font.UnitsPerEm);
        Assert.Equal(1918, Font.Ascender);
        Assert.Equal(-483, Font.Descender);
        Assert.Equal(49531, Font.GlyphCount);
        Assert.Equal(1462, Font.CapHeight); // OS/2 version 3 sCapHeight
        Assert.Equal(((short)-1143, (short)-555, (short)2394, (short)2163), Font.BoundingBox);
        Assert.Equal(0, Font.ItalicAngle);
        Assert.Matches("^[A-Za-z0-9-]+$", Font.PostScriptName);
        Assert.StartsWith("WenQuanYi", Font.PostScriptName, StringComparison.Ordinal);
    }

    [Fact]
    public void GlyphId_MapsCjkLatinAndDigits_AndMissingCodePointsToNotdef()
    {
        var ids = new[] { '中', '文', 'A', '1' }.Select(c => Font.GlyphId(c)).ToList();

        Assert.All(ids, id => Assert.NotEqual(0, id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(0, Font.GlyphId(0x10FFFD));
        Assert.Equal(0, Font.GlyphId(-1));
        Assert.Equal(0, Font.GlyphId(0x110000));
    }

    [Fact]
    public void Measure_SumsTheAdvances()
    {
        var zhong = Font.AdvanceWidth(Font.GlyphId('中'));
        var wen = Font.AdvanceWidth(Font.GlyphId('文'));

        Assert.Equal((zhong + wen) * 10.0 / Font.UnitsPerEm, Font.Measure("中文", 10), 9);
        Assert.InRange(Font.Measure("中", 1), 0.8, 1.1);
        Assert.InRange(Font.Measure("文", 1), 0.8, 1.1);
        Assert.Equal(4 * Font.Measure("A", 12), Font.Measure("AAAA", 12), 9);
        Assert.Equal(0, Font.Measure("", 12));
    }

    [Fact]
    public void Measure_TakesSurrogatePairsAsOneCodePoint()
    {
        // U+20000 (CJK Extension B) is outside the BMP: one code point, one glyph (.notdef when the font lacks it).
        var pair = char.ConvertFromUtf32(0x20000);
        var glyph = Font.GlyphId(0x20000);

        Assert.Equal(2, pair.Length);
        Assert.Equal(Font.AdvanceWidth(glyph) * 20.0 / Font.UnitsPerEm, Font.Measure(pair, 20), 9);
    }

    [Fact]
    public void AdvanceWidth_OutsideTheFont_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Font.AdvanceWidth((ushort)Font.GlyphCount));
    }

    [Fact]
    public void Subset_IsSmall_AndKeepsTheGlyphsOfTheText()
    {
        var glyphs = SampleGlyphs();
        var subset = Font.Subset(glyphs);
        var parsed = TrueTypeFont.Parse(subset);

        // Same glyph ids means loca and hmtx keep one entry per glyph (~400 KB of the ~404 KB); in the PDF the font
        // stream is deflated, and then almost only the kept outlines remain.
        Assert.InRange(subset.Length, 0, Face.Length / 10);
        Assert.InRange(Deflate(subset).Length, 0, Face.Length / 200);
        Assert.Equal(Font.GlyphCount, parsed.GlyphCount);
        Assert.Equal(Font.UnitsPerEm, parsed.UnitsPerEm);
        Assert.Equal(Font.PostScriptName, parsed.PostScriptName);
        Assert.Equal(Font.BoundingBox, parsed.BoundingBox);
        foreach (var glyph in glyphs.Append((ushort)0))
        {
            Assert.Equal(Font.AdvanceWidth(glyph), parsed.AdvanceWidth(glyph));
            AssertSameOutline(Font.GlyphData(glyph), parsed.GlyphData(glyph));
        }
        Assert.NotEqual(0, Font.GlyphData(0).Length);
        // Most CJK glyphs of this font are composites: their components come along.
        var components = glyphs.SelectMany(Font.ComponentsOf).ToList();
        Assert.NotEmpty(components);
        Assert.All(components, component => AssertSameOutline(Font.GlyphData(component), parsed.GlyphData(component)));
    }

    [Fact]
    public void Subset_EmptiesOtherGlyphs_ButKeepsTheirAdvances()
    {
        var parsed = TrueTypeFont.Parse(Font.Subset(SampleGlyphs()));
        var dropped = Font.GlyphId('国');

        Assert.NotEqual(0, Font.GlyphData(dropped).Length);
        Assert.Equal(0, parsed.GlyphData(dropped).Length);
        Assert.Equal(Font.AdvanceWidth(dropped), parsed.AdvanceWidth(dropped));
        Assert.Equal(0, parsed.GlyphId('中'));
    }

    [Fact]
    public void Subset_IgnoresGlyphIdsOutsideTheFont()
    {
        var subset = TrueTypeFont.Parse(Font.Subset([Font.GlyphId('A'), (ushort)Font.GlyphCount, ushort.MaxValue]));

        Assert.Equal(Font.GlyphCount, subset.GlyphCount);
        AssertSameOutline(Font.GlyphData(Font.GlyphId('A')), subset.GlyphData(Font.GlyphId('A')));
    }

    [Fact]
    public void Subset_HasAValidSfntStructure()
    {
        var subset = Font.Subset(SampleGlyphs());
        var tables = ReadDirectory(subset);

        string[] expected = ["OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"];
        Assert.Equal(expected, tables.Select(t => t.Tag));
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(subset));
        Assert.Equal(expected.Length, BinaryPrimitives.ReadUInt16BigEndian(subset.AsSpan(4)));
        Assert.Equal(8 * 16, BinaryPrimitives.ReadUInt16BigEndian(subset.AsSpan(6)));   // searchRange
        Assert.Equal(3, BinaryPrimitives.ReadUInt16BigEndian(subset.AsSpan(8)));        // entrySelector
        Assert.Equal(4 * 16, BinaryPrimitives.ReadUInt16BigEndian(subset.AsSpan(10)));  // rangeShift
        Assert.All(tables, t => Assert.Equal(0, t.Offset % 4));
        Assert.Equal(subset.Length, tables.Max(t => t.Offset + ((t.Length + 3) & ~3)));

        var head = Table(subset, tables, "head");
        Assert.Equal(1, BinaryPrimitives.ReadInt16BigEndian(head[50..]));
        var post = Table(subset, tables, "post");
        Assert.Equal(32, post.Length);
        Assert.Equal(0x00030000u, BinaryPrimitives.ReadUInt32BigEndian(post));
        Assert.Equal(4 * (Font.GlyphCount + 1), Table(subset, tables, "loca").Length);
        Assert.All(new[] { "OS/2", "cvt ", "fpgm", "prep", "name", "hhea", "maxp" }, tag =>
            Assert.True(Table(subset, tables, tag).SequenceEqual(Table(Face, ReadDirectory(Face), tag))));
    }

    [Fact]
    public void Subset_Checksums_AreRight()
    {
        var subset = Font.Subset(SampleGlyphs());
        var tables = ReadDirectory(subset);

        foreach (var (tag, checksum, offset, length) in tables)
        {
            var table = subset.AsSpan(offset, length).ToArray();
            if (tag == "head")
            {
                table.AsSpan(8, 4).Clear(); // the head checksum is taken with checkSumAdjustment = 0
            }
            Assert.True(checksum == Sum(table), $"checksum of '{tag}'");
        }
        Assert.Equal(0xB1B0AFBAu, Sum(subset));
    }

    [Fact]
    public void Subset_IsReadByFontconfig()
    {
        const string FcQuery = "/usr/bin/fc-query";
        if (!File.Exists(FcQuery))
        {
            return; // fontconfig is not installed: the external check is skipped
        }
        var path = Path.Combine(Path.GetTempPath(), $"ttf-subset-{Guid.NewGuid():N}.ttf");
        try
        {
            File.WriteAllBytes(path, Font.Subset(SampleGlyphs()));
            using var process = Process.Start(new ProcessStartInfo(FcQuery, [path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(0, process.ExitCode);
            Assert.Contains("WenQuanYi Micro Hei", output, StringComparison.Ordinal);
            Assert.Contains("scalable: True", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ComponentsOf_SimpleGlyph_IsEmpty_AndASubsetKeepsTheComponentsOfComposites()
    {
        Assert.Empty(Font.ComponentsOf(Font.GlyphId('A')));
        Assert.Empty(Font.ComponentsOf(Font.GlyphId(' ')));
        Assert.Empty(Font.ComponentsOf((ushort)Font.GlyphCount));

        var composite = Enumerable.Range(1, Font.GlyphCount - 1).Select(g => (ushort)g)
            .FirstOrDefault(g => Font.ComponentsOf(g).Count > 0);
        if (composite == 0)
        {
            return; // the font has no composite glyphs
        }
        var subset = TrueTypeFont.Parse(Font.Subset([composite]));
        AssertSameOutline(Font.GlyphData(composite), subset.GlyphData(composite));
        Assert.All(Font.ComponentsOf(composite), component =>
        {
            Assert.NotEqual(0, subset.GlyphData(component).Length);
            AssertSameOutline(Font.GlyphData(component), subset.GlyphData(component));
        });
    }

    [Fact]
    public void Parse_RejectsWhatIsNotASingleTrueTypeFace()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var randomWithVersion = (byte[])random.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(randomWithVersion, 0x00010000);
        var otto = (byte[])Face.Clone();
        "OTTO"u8.CopyTo(otto);

        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse([]));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(random));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(randomWithVersion));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(Face[..100]));
        Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(Face[..(Face.Length / 2)]));
        var collection = Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(File.ReadAllBytes(PosterFont.DefaultPath)));
        Assert.Contains("ExtractFace", collection.Message, StringComparison.Ordinal);
        var cff = Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(otto));
        Assert.Contains("TrueType outlines", cff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheMissingTables()
    {
        var font = (byte[])Face.Clone();
        foreach (var (tag, record) in ReadDirectory(font).Select((t, i) => (t.Tag, 12 + 16 * i)))
        {
            if (tag is "glyf" or "hmtx")
            {
                "zzzz"u8.CopyTo(font.AsSpan(record));
            }
        }

        var error = Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(font));
        Assert.Contains("'glyf'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'hmtx'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CorruptedOrTruncatedData_OnlyEverThrowsInvalidDataException()
    {
        var font = (byte[])Face.Clone();
        var tables = ReadDirectory(font);
        // Corrupt the directory and the start of the tables the reader interprets.
        var regions = new List<(int Start, int Length)> { (0, 12 + 16 * tables.Count) };
        regions.AddRange(tables.Where(t => t.Tag is "head" or "hhea" or "maxp" or "cmap" or "loca" or "name" or "OS/2" or "post")
            .Select(t => (t.Offset, Math.Min(t.Length, 600))));
        var random = new Random(11);

        for (var round = 0; round < 150; round++)
        {
            var (start, length) = regions[random.Next(regions.Count)];
            var position = start + random.Next(length);
            var original = font[position];
            font[position] = (byte)random.Next(256);
            TryEverything(font);
            font[position] = original;
        }
        foreach (var length in new[] { 1, 11, 12, 13, 28, 12 + 16 * tables.Count, 4096 })
        {
            Assert.Throws<InvalidDataException>(() => TrueTypeFont.Parse(Face[..length]));
        }

        static void TryEverything(byte[] data)
        {
            try
            {
                var font = TrueTypeFont.Parse(data);
                font.Measure("中文 Aa1", 10);
                TrueTypeFont.Parse(font.Subset([font.GlyphId('中'), 1, 2, 3]));
            }
            catch (InvalidDataException)
            {
                // expected for most corruptions
            }
        }
    }

    private static List<ushort> SampleGlyphs() => [.. SampleText.EnumerateRunes().Select(r => Font.GlyphId(r.Value))];

    private static void AssertSameOutline(ReadOnlySpan<byte> original, ReadOnlySpan<byte> kept)
    {
        // The subset pads each glyph to 4 bytes with zeros.
        Assert.True(original.SequenceEqual(kept[..original.Length]));
        Assert.InRange(kept.Length - original.Length, 0, 3);
        Assert.All(kept[original.Length..].ToArray(), b => Assert.Equal(0, b));
    }

    private static List<(string Tag, uint Checksum, int Offset, int Length)> ReadDirectory(byte[] font) =>
        [.. Enumerable.Range(0, BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4)))
            .Select(i => font.AsSpan(12 + 16 * i, 16).ToArray())
            .Select(r => (Encoding.ASCII.GetString(r, 0, 4), BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(4)),
                (int)BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(8)), (int)BinaryPrimitives.ReadUInt32BigEndian(r.AsSpan(12)))),];

    private static ReadOnlySpan<byte> Table(byte[] font, List<(string Tag, uint Checksum, int Offset, int Length)> tables, string tag)
    {
        var (_, _, offset, length) = tables.Single(t => t.Tag == tag);
        return font.AsSpan(offset, length);
    }

    /// <summary>The sfnt checksum, written independently of the one under test.</summary>
    private static uint Sum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var k = 0; k < 4; k++)
            {
                word = (word << 8) | (i + k < data.Length ? data[i + k] : 0u);
            }
            sum = unchecked(sum + word);
        }
        return sum;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }
}
