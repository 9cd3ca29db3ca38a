using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>Field errors whose messages and labels ("Field.{Name}") come from RenderingText.</summary>
internal sealed class RenderingErrors(IStringLocalizer<RenderingText> text)
{
    public const int MaxUrlLength = 500;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string key, params object[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(text["Error." + key, [text["Field." + field].Value, .. args]]);
    }

    public void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, "Range", min, max);
        }
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "MaxLength", max);
        }
    }

    /// <summary>An absolute http(s) address of at most 500 characters: what a printed code may point to.</summary>
    public void Url(string field, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            Add(field, "Required");
        }
        else if (url.Length > MaxUrlLength)
        {
            Add(field, "MaxLength", MaxUrlLength);
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Add(field, "Url");
        }
    }

    public void Image(string field, byte[]? image, int maxKilobytes)
    {
        if (image is null)
        {
            return;
        }
        if (ImageFormats.Of(image) is null)
        {
            Add(field, "ImageFormat");
        }
        else if (image.Length > maxKilobytes * 1024)
        {
            Add(field, "ImageSize", maxKilobytes);
        }
        else if (RasterImages.Probe(image) is not { } size)
        {
            Add(field, "ImageUnreadable");
        }
        else if (size.Width > RasterImages.MaxSide || size.Height > RasterImages.MaxSide)
        {
            Add(field, "ImagePixels", RasterImages.MaxSide);
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new PortalValidationException(Errors);
        }
    }
}

/// <summary>Recognises the two image formats the renderers embed, by their signature bytes.</summary>
internal static class ImageFormats
{
    public static string? Of(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    public static string DataUri(byte[] image) => $"data:{Of(image)};base64,{Convert.ToBase64String(image)}";
}
