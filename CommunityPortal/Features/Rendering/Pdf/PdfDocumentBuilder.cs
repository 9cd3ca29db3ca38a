using System.Text;

namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>
/// A small PDF writer for posters: pages measured in millimetres from the top-left corner, filled rectangles, PNG and
/// JPEG images, and text in one embedded TrueType font (subset). Each image is embedded once however often it is drawn.
/// </summary>
internal sealed class PdfDocumentBuilder(TrueTypeFont font)
{
    private readonly PdfFontResource _font = new(font);
    private readonly List<PdfPageBuilder> _pages = [];
    private readonly Dictionary<byte[], (PdfImage Image, string Name)> _images = new(ReferenceEqualityComparer.Instance);

    public string? Title { get; set; }

    public PdfPageBuilder AddPage(double widthMm, double heightMm)
    {
        var page = new PdfPageBuilder(this, widthMm, heightMm);
        _pages.Add(page);
        return page;
    }

    /// <summary>The decoded image for these bytes (decoded once per document).</summary>
    public PdfImage Image(byte[] data) => ImageEntry(data).Image;

    internal (PdfImage Image, string Name) ImageEntry(byte[] data)
    {
        if (!_images.TryGetValue(data, out var entry))
        {
            entry = (PdfImage.From(data), $"Im{_images.Count + 1}");
            _images[data] = entry;
        }
        return entry;
    }

    internal PdfFontResource Font => _font;

    public byte[] ToArray()
    {
        if (_pages.Count == 0)
        {
            throw new InvalidOperationException("A PDF needs at least one page.");
        }
        var writer = new PdfObjectWriter();
        int catalog = writer.Reserve(), pageTree = writer.Reserve(), info = writer.Reserve(), fontObject = writer.Reserve();
        var imageObjects = _images.Values.ToDictionary(i => i.Name, _ => writer.Reserve());
        var resources = $"<< /Font << /F1 {fontObject} 0 R >>"
            + (imageObjects.Count == 0 ? "" : " /XObject << " + string.Join(' ', imageObjects.Select(i => $"/{i.Key} {i.Value} 0 R")) + " >>")
            + " >>";
        var pageObjects = new List<int>();
        foreach (var page in _pages)
        {
            int pageObject = writer.Reserve(), contents = writer.Reserve();
            writer.Write(pageObject,
                $"<< /Type /Page /Parent {pageTree} 0 R /MediaBox [0 0 {PdfObjectWriter.Number(page.WidthPt)} {PdfObjectWriter.Number(page.HeightPt)}] "
                + $"/Resources {resources} /Contents {contents} 0 R >>");
            writer.WriteStream(contents, "", Encoding.ASCII.GetBytes(page.Content));
            pageObjects.Add(pageObject);
        }
        foreach (var (image, name) in _images.Values)
        {
            image.WriteTo(writer, imageObjects[name]);
        }
        _font.WriteTo(writer, fontObject);
        writer.Write(pageTree, $"<< /Type /Pages /Kids [{string.Join(' ', pageObjects.Select(p => $"{p} 0 R"))}] /Count {pageObjects.Count} >>");
        writer.Write(catalog, $"<< /Type /Catalog /Pages {pageTree} 0 R >>");
        writer.Write(info, $"<< /Producer (CommunityPortal){(Title is null ? "" : $" /Title {PdfObjectWriter.TextString(Title)}")} >>");
        return writer.Finish(catalog, info);
    }
}

/// <summary>One page's drawing operators. Coordinates are millimetres from the top-left corner, y downwards.</summary>
internal sealed class PdfPageBuilder
{
    private const double PointsPerMm = 72 / 25.4;

    /// <summary>Simulated bold: the glyphs are also stroked with this share of the font size.</summary>
    private const double BoldStroke = 0.03;

    private readonly PdfDocumentBuilder _document;
    private readonly StringBuilder _content = new();

    internal PdfPageBuilder(PdfDocumentBuilder document, double widthMm, double heightMm)
    {
        _document = document;
        (WidthPt, HeightPt) = (widthMm * PointsPerMm, heightMm * PointsPerMm);
        // From here on user space is millimetres with y pointing down the page.
        Append($"{N(PointsPerMm)} 0 0 {N(-PointsPerMm)} 0 {N(HeightPt)} cm");
    }

    public double WidthPt { get; }

    public double HeightPt { get; }

    internal string Content => _content.ToString();

    public void FillRect(double x, double y, double width, double height, (byte R, byte G, byte B) colour) =>
        Append($"{Colour(colour)} rg {N(x)} {N(y)} {N(width)} {N(height)} re f");

    /// <summary>Draws the image into the box; the caller keeps the aspect ratio (see <see cref="PdfDocumentBuilder.Image"/>).</summary>
    public void DrawImage(byte[] image, double x, double y, double width, double height)
    {
        var (_, name) = _document.ImageEntry(image);
        // The image's unit square has its first row at the top (y = 1); flip it back into our downward space.
        Append($"q {N(width)} 0 0 {N(-height)} {N(x)} {N(y + height)} cm /{name} Do Q");
    }

    /// <summary>Text with its left end at x and its baseline at y; size in millimetres.</summary>
    public void DrawText(string text, double x, double baseline, double sizeMm, (byte R, byte G, byte B) colour, bool bold)
    {
        var glyphs = _document.Font.Encode(text);
        var colourOps = $"{Colour(colour)} rg";
        var mode = bold ? $" {Colour(colour)} RG {N(sizeMm * BoldStroke)} w 2 Tr" : " 0 Tr";
        // The text matrix flips y again so glyphs stand upright.
        Append($"BT {colourOps}{mode} /F1 {N(sizeMm)} Tf 1 0 0 -1 {N(x)} {N(baseline)} Tm {glyphs} Tj ET");
    }

    private static string Colour((byte R, byte G, byte B) c) => $"{N(c.R / 255.0)} {N(c.G / 255.0)} {N(c.B / 255.0)}";

    private static string N(double value) => PdfObjectWriter.Number(value);

    private void Append(string operators) => _content.Append(operators).Append('\n');
}
