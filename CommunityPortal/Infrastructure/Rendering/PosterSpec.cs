
namespace CommunityPortal.Infrastructure.Rendering;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PaperSize>))]
public enum PaperSize { A4, A5 }

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<QrPlacement>))]
public enum QrPlacement { Top, Middle, Bottom }

/// <summary>
/// One poster: texts, colours, where the code sits and how big (mm), the paper and the URL the code
/// carries. Mutable so the editor binds to it; the renderers never change it.
/// </summary>
public sealed class PosterSpec
{
    public const int MaxTitle = 40;
    public const int MaxSubtitle = 80;
    public const int MaxBody = 400;
    public const int MinQrMm = 20;
    public const int MaxQrMm = 120;
    public const int MaxBackgroundKilobytes = 4096;
    public const int MaxCaption = 80;

    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string? Body { get; set; }
    public string TextColor { get; set; } = "#1f2937";
    public string BackgroundColor { get; set; } = "#ffffff";
    public int QrSizeMm { get; set; } = 60;
    public QrPlacement QrPlacement { get; set; } = QrPlacement.Bottom;
    public PaperSize Paper { get; set; } = PaperSize.A4;
    public byte[]? BackgroundImage { get; set; }
    public string? QrLevel { get; set; }
    public int QrMargin { get; set; } = 2;
    public byte[]? Logo { get; set; }

    /// <summary>
    /// A small line at the foot of the page that tells printed copies apart (a batch puts the channel here);
    /// none on a single poster. Cut to fit one line.
    /// </summary>
    public string? Caption { get; set; }

    public PosterSpec Copy() => (PosterSpec)MemberwiseClone();

    public QrRequest QrRequest(int sizePixels = 512) => new(Url, sizePixels, QrLevel, QrMargin, Logo);
}
