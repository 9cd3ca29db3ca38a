
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>Error-correction levels: L 7 %, M 15 %, Q 25 %, H 30 % of the code may be damaged or covered.</summary>
public enum QrLevel { L, M, Q, H }

/// <summary>
/// What a QR download asks for. Size is the PNG's exact width and height in pixels; Level is L/M/Q/H
/// (empty: M, or H with a logo); Margin is the quiet zone in modules; Logo is PNG or JPEG bytes.
/// </summary>
public sealed record QrRequest(string Url, int Size = 512, string? Level = null, int Margin = 4, byte[]? Logo = null)
{
    public const int MinSize = 256;
    public const int MaxSize = 2048;
    public const int MaxMargin = 10;
    public const int MaxLogoKilobytes = 512;
}

/// <summary>The dark modules of a code, without its quiet zone.</summary>
public sealed record QrModules(bool[,] Dark, QrLevel Level)
{
    public int Count => Dark.GetLength(0);

    /// <summary>
    /// The dark modules as horizontal runs: fewer shapes to draw, and no hairline seams between neighbours that a
    /// viewer or rasteriser may leave where two squares meet.
    /// </summary>
    public IEnumerable<(int Row, int Column, int Length)> Runs()
    {
        for (var row = 0; row < Count; row++)
        {
            for (var column = 0; column < Count; column++)
            {
                if (!Dark[row, column])
                {
                    continue;
                }
                var start = column;
                while (column + 1 < Count && Dark[row, column + 1])
                {
                    column++;
                }
                yield return (row, start, column - start + 1);
            }
        }
    }
}
