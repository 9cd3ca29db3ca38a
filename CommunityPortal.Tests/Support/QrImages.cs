using QRCoder;
using SkiaSharp;

namespace CommunityPortal.Tests.Support;

/// <summary>How a photo of a phone screen was taken: how large the screen came out, turned, blurred, noisy, compressed.</summary>
public sealed record PhotoConditions(double Scale, float Degrees, float Blur, int Noise, int JpegQuality, int Seed = 7)
{
    public override string ToString() => $"scale {Scale}, {Degrees}°, blur {Blur}, noise ±{Noise}, JPEG q{JpegQuality}";
}

/// <summary>
/// Real images of QR codes made at test time: the codes by QRCoder, the pictures around them by SkiaSharp. What operators
/// upload: a clean code, a WeChat screenshot with the code among other things, and a photo of a phone showing it.
/// </summary>
public static class QrImages
{
    private const int ScreenWidth = 1080;
    private const int ScreenHeight = 2340;

    /// <summary>A PNG of just the code, with its quiet zone.</summary>
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The code in black on a fully transparent background (transparent black, as some tools save it).</summary>
    public static byte[] TransparentPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [0, 0, 0, 0]);
    }

    /// <summary>The same code as a JPEG.</summary>
    public static byte[] Jpeg(string text, int quality = 85)
    {
        using var bitmap = SKBitmap.Decode(Png(text));
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>A phone screenshot of WeChat's group QR card: status bar, title bar, avatar, name lines, the code, caption.</summary>
    public static byte[] Screenshot(string text) => Encode(ScreenBitmap(text), SKEncodedImageFormat.Png, 100);

    /// <summary>A photo of a phone showing <see cref="Screenshot"/>, on a desk, as a JPEG.</summary>
    public static byte[] PhonePhoto(string text, PhotoConditions photo)
    {
        using var screen = ScreenBitmap(text);
        using var screenImage = SKImage.FromBitmap(screen);
        using var bitmap = new SKBitmap(new SKImageInfo(1600, 1200, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using (var desk = new SKPaint())
            {
                desk.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1600, 1200),
                    [new SKColor(0x8a, 0x6f, 0x55), new SKColor(0x5c, 0x48, 0x36)], SKShaderTileMode.Clamp);
                canvas.DrawRect(0, 0, 1600, 1200, desk);
            }
            canvas.Translate(800, 600);
            canvas.RotateDegrees(photo.Degrees);
            canvas.Scale((float)photo.Scale);
            using (var phone = new SKPaint { Color = new SKColor(0x1b, 0x1b, 0x1f), IsAntialias = true })
            {
                canvas.DrawRoundRect(new SKRect(-ScreenWidth / 2f - 40, -ScreenHeight / 2f - 90, ScreenWidth / 2f + 40, ScreenHeight / 2f + 90), 90, 90, phone);
            }
            using (var lens = new SKPaint { IsAntialias = true })
            {
                lens.ImageFilter = photo.Blur > 0 ? SKImageFilter.CreateBlur(photo.Blur / (float)photo.Scale, photo.Blur / (float)photo.Scale) : null;
                canvas.DrawImage(screenImage, new SKRect(-ScreenWidth / 2f, -ScreenHeight / 2f, ScreenWidth / 2f, ScreenHeight / 2f),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), lens);
            }
            canvas.ResetMatrix();
            // The ceiling lamp's glare across the screen.
            using var glare = new SKPaint();
            glare.Shader = SKShader.CreateRadialGradient(new SKPoint(1100, 300), 700,
                [new SKColor(255, 255, 255, 70), new SKColor(255, 255, 255, 0)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 1600, 1200, glare);
        }
        AddNoise(bitmap, photo.Noise, photo.Seed);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, photo.JpegQuality);
    }

    /// <summary>A real PNG that holds no QR code: a gradient, circles and bars.</summary>
    public static byte[] PlainPng(int width = 320, int height = 240)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { IsAntialias = true };
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(0x9a, 0xc8, 0xe8), new SKColor(0xf4, 0xe3, 0xb5)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, width, height, paint);
            paint.Shader = null;
            paint.Color = new SKColor(0x33, 0x55, 0x33);
            canvas.DrawCircle(width * 0.3f, height * 0.6f, height / 4f, paint);
            for (var x = 0; x < width; x += 24)
            {
                canvas.DrawRect(x, height - 30, 12, 30, paint);
            }
        }
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>The image followed by filler bytes up to <paramref name="size"/>: decoders stop at the image's end.</summary>
    public static byte[] PaddedTo(byte[] image, int size)
    {
        if (image.Length > size)
        {
            throw new ArgumentException($"The image is already {image.Length} bytes.", nameof(size));
        }
        var padded = new byte[size];
        image.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>
    /// A small PNG file that says it is <paramref name="width"/> × <paramref name="height"/> pixels (one grey row of data):
    /// what a decompression bomb looks like to a reader that only trusts the header.
    /// </summary>
    public static byte[] HugePng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // 8-bit greyscale
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]); // zlib of one zero byte
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(body);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static SKBitmap ScreenBitmap(string text)
    {
        var bitmap = new SKBitmap(new SKImageInfo(ScreenWidth, ScreenHeight, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.Clear(new SKColor(0xed, 0xed, 0xed));
        paint.Color = new SKColor(0x2e, 0x2e, 0x2e);
        canvas.DrawRect(0, 0, ScreenWidth, 230, paint);
        paint.Color = new SKColor(0xcc, 0xcc, 0xcc);
        canvas.DrawRect(60, 120, 320, 50, paint);
        canvas.DrawRoundRect(new SKRect(80, 400, 1000, 1900), 24, 24, Fill(paint, SKColors.White));
        canvas.DrawCircle(220, 560, 80, Fill(paint, new SKColor(0x07, 0xc1, 0x60)));
        canvas.DrawRect(340, 500, 480, 44, Fill(paint, new SKColor(0x33, 0x33, 0x33)));
        canvas.DrawRect(340, 570, 300, 34, Fill(paint, new SKColor(0x99, 0x99, 0x99)));
        using (var code = SKBitmap.Decode(Png(text, 1)))
        using (var codeImage = SKImage.FromBitmap(code))
        {
            canvas.DrawImage(codeImage, new SKRect(190, 720, 890, 1420), new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
        }
        canvas.DrawRect(200, 1560, 680, 36, Fill(paint, new SKColor(0x99, 0x99, 0x99)));
        canvas.DrawRect(280, 1620, 520, 36, paint);
        canvas.DrawRect(0, ScreenHeight - 200, ScreenWidth, 200, Fill(paint, new SKColor(0xf7, 0xf7, 0xf7)));
        return bitmap;
    }

    private static SKPaint Fill(SKPaint paint, SKColor color)
    {
        paint.Color = color;
        return paint;
    }

    /// <summary>Sensor noise: each channel moved by up to ±<paramref name="amount"/>, the same for a given seed.</summary>
    private static void AddNoise(SKBitmap bitmap, int amount, int seed)
    {
        if (amount == 0)
        {
            return;
        }
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 != 3)
            {
                pixels[i] = (byte)Math.Clamp(pixels[i] + random.Next(-amount, amount + 1), 0, 255);
            }
        }
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
