namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>The cmap: Unicode code point → glyph id.</summary>
internal sealed partial class TrueTypeFont
{
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
