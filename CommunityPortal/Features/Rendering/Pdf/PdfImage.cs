namespace CommunityPortal.Features.Rendering.Pdf;

/// <summary>
/// An image ready to be written as a PDF image XObject: JPEG bytes pass through (DCTDecode); PNG is decoded to RGB
/// samples with its transparency as a soft mask. Anything else is refused with <see cref="InvalidDataException"/>.
/// </summary>
internal sealed record PdfImage(int Width, int Height, string ColorSpace, string? Decode, string? Filter, byte[] Samples, byte[]? Alpha)
{
    /// <summary>The largest side accepted (a 4 MB background photo is far smaller).</summary>
    public const int MaxSide = 8192;

    public static PdfImage From(byte[] image) => ImageFormats.Of(image) switch
    {
        "image/jpeg" => Jpeg(image),
        "image/png" => Png(image),
        _ => throw new InvalidDataException("Only PNG and JPEG images can go into a PDF."),
    };

    /// <summary>Reads the frame header (SOFn) for the size and components; the compressed data is embedded as it is.</summary>
    private static PdfImage Jpeg(byte[] jpeg)
    {
        var adobe = false;
        for (var i = 2; i + 4 <= jpeg.Length;)
        {
            if (jpeg[i] != 0xFF)
            {
                throw new InvalidDataException("The JPEG file is damaged.");
            }
            var marker = jpeg[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker == 0xEE && i + 9 <= jpeg.Length && jpeg.AsSpan(i + 4, 5).SequenceEqual("Adobe"u8))
            {
                adobe = true;
            }
            var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame && i + 10 <= jpeg.Length)
            {
                var height = (jpeg[i + 5] << 8) | jpeg[i + 6];
                var width = (jpeg[i + 7] << 8) | jpeg[i + 8];
                var components = jpeg[i + 9];
                var (space, decode) = components switch
                {
                    1 => ("/DeviceGray", (string?)null),
                    3 => ("/DeviceRGB", null),
                    // Adobe's CMYK JPEGs store inverted values.
                    4 => ("/DeviceCMYK", adobe ? "[1 0 1 0 1 0 1 0]" : null),
                    _ => throw new InvalidDataException("The JPEG has an unsupported number of colour components."),
                };
                Check(width, height);
                return new PdfImage(width, height, space, decode, "/DCTDecode", jpeg, null);
            }
            i += 2 + length;
        }
        throw new InvalidDataException("The JPEG file has no frame header.");
    }

    private static PdfImage Png(byte[] png)
    {
        var decoded = PngReader.TryDecode(png, MaxSide)
            ?? throw new InvalidDataException("This PNG cannot be read (interlaced or damaged): save it again as a standard PNG or as JPEG.");
        Check(decoded.Width, decoded.Height);
        var pixels = decoded.Width * decoded.Height;
        var rgb = new byte[pixels * 3];
        var alpha = new byte[pixels];
        var translucent = false;
        for (var p = 0; p < pixels; p++)
        {
            rgb[3 * p] = decoded.Pixels[4 * p];
            rgb[3 * p + 1] = decoded.Pixels[4 * p + 1];
            rgb[3 * p + 2] = decoded.Pixels[4 * p + 2];
            alpha[p] = decoded.Pixels[4 * p + 3];
            translucent |= alpha[p] != 255;
        }
        return new PdfImage(decoded.Width, decoded.Height, "/DeviceRGB", null, null, rgb, translucent ? alpha : null);
    }

    private static void Check(int width, int height)
    {
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
        {
            throw new InvalidDataException($"The image must be between 1 and {MaxSide} pixels on each side.");
        }
    }

    /// <summary>Writes the image (and its soft mask) into the reserved object number.</summary>
    public void WriteTo(PdfObjectWriter writer, int number)
    {
        int? mask = Alpha is null ? null : writer.Reserve();
        var entries = $"/Type /XObject /Subtype /Image /Width {Width} /Height {Height} /ColorSpace {ColorSpace} /BitsPerComponent 8"
            + (Decode is null ? "" : $" /Decode {Decode}")
            + (mask is null ? "" : $" /SMask {mask} 0 R");
        if (Filter is null)
        {
            writer.WriteStream(number, entries, Samples);
        }
        else
        {
            writer.WriteStream(number, entries + $" /Filter {Filter}", Samples, compress: false);
        }
        if (mask is { } maskNumber)
        {
            writer.WriteStream(maskNumber, $"/Type /XObject /Subtype /Image /Width {Width} /Height {Height} /ColorSpace /DeviceGray /BitsPerComponent 8", Alpha!);
        }
    }
}
