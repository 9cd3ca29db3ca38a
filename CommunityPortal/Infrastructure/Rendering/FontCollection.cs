using System.Buffers.Binary;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Cuts one face out of a TrueType collection (.ttc) into a standalone .ttf: PDFsharp reads single-face files only
/// (a .ttc fails inside its OpenTypeFontFace). The tables are copied as they are; their offsets are rewritten.
/// </summary>
internal static class FontCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> font) =>
        font.Length > 12 && font[..4].SequenceEqual("ttcf"u8);

    public static byte[] ExtractFace(byte[] collection, int index)
    {
        if (!IsCollection(collection))
        {
            return collection;
        }
        var count = (int)ReadUInt32(collection, 8);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"The collection has {count} faces.");
        }
        var directory = (int)ReadUInt32(collection, 12 + 4 * index);
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(directory + 4));
        var headerLength = 12 + 16 * tableCount;
        var tables = Enumerable.Range(0, tableCount)
            .Select(i => directory + 12 + 16 * i)
            .Select(record => (Record: record, Offset: (int)ReadUInt32(collection, record + 8), Length: (int)ReadUInt32(collection, record + 12)))
            .ToList();

        var output = new byte[headerLength + tables.Sum(t => Pad(t.Length))];
        collection.AsSpan(directory, headerLength).CopyTo(output);
        var position = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (_, offset, length) = tables[i];
            collection.AsSpan(offset, length).CopyTo(output.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + 16 * i + 8), (uint)position);
            position += Pad(length);
        }
        return output;
    }

    private static uint ReadUInt32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    private static int Pad(int length) => (length + 3) & ~3;
}
