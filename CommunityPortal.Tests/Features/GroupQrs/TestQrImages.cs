using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CommunityPortal.Tests.Features.GroupQrs;

/// <summary>
/// Makes real QR code images at test time, so browser tests prove that jsQR decodes them: a minimal QR encoder
/// (version 4, error correction L, byte mode, mask 0 — any mask is valid for a reader) and a grayscale PNG writer.
/// Written from the QR specification's structure (ISO/IEC 18004); test code only.
/// </summary>
public static class TestQrImages
{
    private const int Version = 4;
    private const int Size = 17 + 4 * Version; // 33 modules
    private const int DataCodewords = 80;
    private const int EcCodewords = 20;

    /// <summary>A PNG of the QR code for <paramref name="text"/> (at most 78 UTF-8 bytes), with a 4-module quiet zone.</summary>
    public static byte[] QrPng(string text, int scale = 8)
    {
        var modules = Encode(Encoding.UTF8.GetBytes(text));
        var side = (Size + 8) * scale;
        return Png(side, side, (x, y) =>
        {
            int mx = x / scale - 4, my = y / scale - 4;
            return mx >= 0 && my >= 0 && mx < Size && my < Size && modules[my, mx] ? (byte)0 : (byte)255;
        });
    }

    /// <summary>A real PNG that holds no QR code: soft diagonal stripes.</summary>
    public static byte[] PlainPng(int width = 320, int height = 240) =>
        Png(width, height, (x, y) => (byte)(((x + y) / 20 % 2 == 0) ? 230 : 190));

    public static bool[,] Encode(byte[] data)
    {
        if (data.Length > 78)
        {
            throw new ArgumentException("Version 4-L holds at most 78 bytes.", nameof(data));
        }
        var codewords = DataWithPadding(data);
        var all = codewords.Concat(ReedSolomonRemainder(codewords, ReedSolomonDivisor(EcCodewords))).ToArray();

        var modules = new bool[Size, Size];
        var function = new bool[Size, Size];
        void Set(int x, int y, bool dark)
        {
            modules[y, x] = dark;
            function[y, x] = true;
        }

        for (var i = 0; i < Size; i++)
        {
            Set(6, i, i % 2 == 0);
            Set(i, 6, i % 2 == 0);
        }
        foreach (var (cx, cy) in new[] { (3, 3), (Size - 4, 3), (3, Size - 4) })
        {
            for (var dy = -4; dy <= 4; dy++)
            {
                for (var dx = -4; dx <= 4; dx++)
                {
                    int x = cx + dx, y = cy + dy;
                    var dist = Math.Max(Math.Abs(dx), Math.Abs(dy));
                    if (x >= 0 && y >= 0 && x < Size && y < Size)
                    {
                        Set(x, y, dist != 2 && dist != 4);
                    }
                }
            }
        }
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                Set(26 + dx, 26 + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            }
        }
        DrawFormat(Set, mask: 0);

        var bit = 0;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
            {
                right = 5;
            }
            for (var vert = 0; vert < Size; vert++)
            {
                for (var j = 0; j < 2; j++)
                {
                    var x = right - j;
                    var upward = ((right + 1) & 2) == 0;
                    var y = upward ? Size - 1 - vert : vert;
                    if (!function[y, x] && bit < all.Length * 8)
                    {
                        modules[y, x] = ((all[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;
                        bit++;
                    }
                }
            }
        }
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (!function[y, x] && (x + y) % 2 == 0)
                {
                    modules[y, x] = !modules[y, x];
                }
            }
        }
        return modules;
    }

    private static byte[] DataWithPadding(byte[] data)
    {
        var bits = new List<bool>();
        void Append(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                bits.Add(((value >> i) & 1) != 0);
            }
        }
        Append(0b0100, 4);
        Append(data.Length, 8);
        foreach (var b in data)
        {
            Append(b, 8);
        }
        var capacity = DataCodewords * 8;
        Append(0, Math.Min(4, capacity - bits.Count));
        Append(0, (8 - bits.Count % 8) % 8);
        for (var pad = 0xEC; bits.Count < capacity; pad ^= 0xEC ^ 0x11)
        {
            Append(pad, 8);
        }
        var result = new byte[DataCodewords];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                result[i >> 3] |= (byte)(1 << (7 - (i & 7)));
            }
        }
        return result;
    }

    private static void DrawFormat(Action<int, int, bool> set, int mask)
    {
        var data = (1 << 3) | mask; // error correction level L = 01
        var rem = data;
        for (var i = 0; i < 10; i++)
        {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        var bits = ((data << 10) | rem) ^ 0x5412;
        bool Bit(int i) => ((bits >> i) & 1) != 0;
        for (var i = 0; i <= 5; i++)
        {
            set(8, i, Bit(i));
        }
        set(8, 7, Bit(6));
        set(8, 8, Bit(7));
        set(7, 8, Bit(8));
        for (var i = 9; i < 15; i++)
        {
            set(14 - i, 8, Bit(i));
        }
        for (var i = 0; i < 8; i++)
        {
            set(Size - 1 - i, 8, Bit(i));
        }
        for (var i = 8; i < 15; i++)
        {
            set(8, Size - 15 + i, Bit(i));
        }
        set(8, Size - 8, true); // the dark module
    }

    private static byte Multiply(int x, int y)
    {
        var z = 0;
        for (var i = 7; i >= 0; i--)
        {
            z = (z << 1) ^ ((z >> 7) * 0x11D);
            z ^= ((y >> i) & 1) * x;
        }
        return (byte)z;
    }

    private static byte[] ReedSolomonDivisor(int degree)
    {
        var result = new byte[degree];
        result[degree - 1] = 1;
        var root = 1;
        for (var i = 0; i < degree; i++)
        {
            for (var j = 0; j < degree; j++)
            {
                result[j] = Multiply(result[j], root);
                if (j + 1 < degree)
                {
                    result[j] ^= result[j + 1];
                }
            }
            root = Multiply(root, 0x02);
        }
        return result;
    }

    private static byte[] ReedSolomonRemainder(byte[] data, byte[] divisor)
    {
        var result = new byte[divisor.Length];
        foreach (var b in data)
        {
            var factor = b ^ result[0];
            Array.Copy(result, 1, result, 0, result.Length - 1);
            result[^1] = 0;
            for (var i = 0; i < result.Length; i++)
            {
                result[i] ^= Multiply(divisor[i], factor);
            }
        }
        return result;
    }

    /// <summary>An 8-bit grayscale PNG.</summary>
    public static byte[] Png(int width, int height, Func<int, int, byte> gray)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte(gray(x, y));
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grayscale), compression, filter and interlace 0
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
