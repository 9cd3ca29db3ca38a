using System.Globalization;
using System.Security;
using System.Text;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// The poster as SVG in millimetres, from the same layout as the PDF and the PNG: what the editor previews and what
/// "download SVG" gives. Texts use the viewer's CJK sans font (the lines are already broken); the QR is vector.
/// </summary>
internal static class PosterSvgWriter
{
    public static string Write(PosterLayout layout)
    {
        var spec = layout.Spec;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture,
                $"""<svg xmlns="http://www.w3.org/2000/svg" width="{layout.Width}mm" height="{layout.Height}mm" viewBox="0 0 {layout.Width} {layout.Height}">""")
            .Append(CultureInfo.InvariantCulture, $"""<rect width="{layout.Width}" height="{layout.Height}" fill="{spec.BackgroundColor}"/>""");
        if (spec.BackgroundImage is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<image width="{layout.Width}" height="{layout.Height}" preserveAspectRatio="xMidYMid slice" href="{ImageFormats.DataUri(spec.BackgroundImage)}"/>""");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"""<g fill="{spec.TextColor}" text-anchor="middle" font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif">""");
        foreach (var line in layout.Lines)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{layout.Width / 2:0.###}" y="{line.Baseline:0.###}" font-size="{line.SizePt * PosterLayout.PointInMm:0.###}"{(line.Bold ? " font-weight=\"bold\"" : "")}>{SecurityElement.Escape(line.Text)}</text>""");
        }
        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{layout.QrX:0.###}" y="{layout.QrY:0.###}" width="{layout.QrSize:0.###}" height="{layout.QrSize:0.###}" fill="#ffffff"/>""");
        var (x0, y0) = layout.CodeOrigin;
        QrImageService.AppendModules(svg, layout.Modules, x0, y0, layout.ModuleSize);
        if (spec.Logo is not null)
        {
            QrImageService.AppendLogo(svg, spec.Logo, x0, y0, layout.ModuleSize * layout.Modules.Count);
        }
        return svg.Append("</svg>").ToString();
    }
}
