using System.Buffers.Binary;
using System.IO.Compression;

namespace CommunityPortal.Features.Rendering;

/// <summary>A decoded image: RGBA bytes, row by row.</summary>
internal sealed record RgbaImage(int Width, int Height, byte[] Pixels);

/// <summary>
/// Reads the PNGs logos and poster backgrounds usually are (non-interlaced; grey, RGB, palette, grey+alpha, RGBA;
/// 8 or 16-bit, or 1–8-bit palette) so they can be drawn into a QR PNG or a poster PDF. Anything else gives null.
/// </summary>
internal static class PngReader
{
    private const int LogoMaxSide = 2048;

    /// <summary>The image, or null when it is not a PNG this reader handles or a side exceeds <paramref name="maxSide"/>.</summary>
    public static RgbaImage? TryDecode(byte[] png, int maxSide = LogoMaxSide)
    {
        try
        {
            return Decode(png, maxSide);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or EndOfStreamException)
        {
            return null;
        }
    }

    private static RgbaImage? Decode(byte[] png, int maxSide)
    {
        if (ImageFormats.Of(png) != "image/png")
        {
            return null;
        }
        int width = 0, height = 0, depth = 0, type = 0, interlace = 0;
        byte[] palette = [], transparency = [];
        using var idat = new MemoryStream();
        for (var position = 8; position + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var name = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length);
            switch (name)
            {
                case "IHDR":
                    (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                    (depth, type, interlace) = (data[8], data[9], data[12]);
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": transparency = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            position += 12 + length;
        }
        var channels = type switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        var supportedDepth = type == 3 ? depth is 1 or 2 or 4 or 8 : depth is 8 or 16;
        if (width < 1 || width > maxSide || height < 1 || height > maxSide || channels == 0 || !supportedDepth || interlace != 0)
        {
            return null;
        }
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.ReadExactly(raw);
        }
        var previous = new byte[stride];
        var row = new byte[stride];
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            Unfilter(filter, row, previous, bytesPerPixel);
            for (var x = 0; x < width; x++)
            {
                Pixel(row, x, type, depth, palette, transparency, pixels.AsSpan((y * width + x) * 4, 4));
            }
            (previous, row) = (row, previous);
        }
        return new RgbaImage(width, height, pixels);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            row[i] += filter switch
            {
                0 => 0,
                1 => (byte)left,
                2 => (byte)up,
                3 => (byte)((left + up) / 2),
                4 => (byte)Paeth(left, up, upLeft),
                _ => throw new InvalidDataException("Unknown PNG filter."),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>
    /// Writes pixel x of an unfiltered row as RGBA into <paramref name="rgba"/>. A 16-bit sample is cut to its high byte
    /// (the first of its two bytes).
    /// </summary>
    private static void Pixel(byte[] row, int x, int type, int depth, byte[] palette, byte[] transparency, Span<byte> rgba)
    {
        if (type == 3)
        {
            var perByte = 8 / depth;
            var index = (row[x / perByte] >> ((perByte - 1 - x % perByte) * depth)) & ((1 << depth) - 1);
            (rgba[0], rgba[1], rgba[2]) = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
            rgba[3] = index < transparency.Length ? transparency[index] : (byte)255;
            return;
        }
        var channels = type switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };
        var width = depth / 8;
        byte Sample(int c) => row[(x * channels + c) * width];
        (rgba[0], rgba[1], rgba[2], rgba[3]) = type switch
        {
            0 => (Sample(0), Sample(0), Sample(0), (byte)255),
            2 => (Sample(0), Sample(1), Sample(2), (byte)255),
            4 => (Sample(0), Sample(0), Sample(0), Sample(1)),
            _ => (Sample(0), Sample(1), Sample(2), Sample(3)),
        };
    }
}
