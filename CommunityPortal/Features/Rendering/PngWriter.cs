using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CommunityPortal.Features.Rendering;

/// <summary>Writes a square 1-bit greyscale PNG (no image library is available here, and none is needed for two colours).</summary>
internal static class PngWriter
{
    public static byte[] Monochrome(int size, Func<int, int, bool> isDark)
    {
        var rowLength = 1 + (size + 7) / 8;
        var raw = new byte[rowLength * size];
        for (var y = 0; y < size; y++)
        {
            var row = raw.AsSpan(y * rowLength, rowLength);
            // Filter byte 0 (none); bits set = white.
            for (var x = 0; x < size; x++)
            {
                if (!isDark(x, y))
                {
                    row[1 + x / 8] |= (byte)(0x80 >> (x % 8));
                }
            }
        }
        return Write(size, bitDepth: 1, colourType: 0, raw);
    }

    /// <summary>An 8-bit RGB PNG (for a QR with a coloured logo); pixels are RGB bytes, row by row.</summary>
    public static byte[] Rgb(int size, byte[] pixels)
    {
        var rowLength = 1 + 3 * size;
        var raw = new byte[rowLength * size];
        for (var y = 0; y < size; y++)
        {
            pixels.AsSpan(y * 3 * size, 3 * size).CopyTo(raw.AsSpan(y * rowLength + 1));
        }
        return Write(size, bitDepth: 8, colourType: 2, raw);
    }

    private static byte[] Write(int size, byte bitDepth, byte colourType, byte[] raw)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        (header[8], header[9]) = (bitDepth, colourType); // compression, filter and interlace 0.
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    internal static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return c ^ 0xFFFFFFFFu;
    }
}
