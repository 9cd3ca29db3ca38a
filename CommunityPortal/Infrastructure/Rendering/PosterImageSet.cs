
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// The background and logo images of a set of posters, each decoded once for one writer (an XImage for the PDF, an
/// SKImage for the PNG) and shared by every page that shows it, so a batch embeds its background once. Keyed by the
/// bytes' content: specs sent through the API carry equal images in separate arrays.
/// </summary>
internal sealed class PosterImageSet<T>(IReadOnlyDictionary<byte[], T> images) : IDisposable
    where T : IDisposable
{
    public T this[byte[] image] => images[image];

    public void Dispose()
    {
        foreach (var image in images.Values)
        {
            image.Dispose();
        }
    }

    /// <summary>
    /// Decodes every distinct image of the specs; one that does not decode is reported on its field (in the user's
    /// language) before anything is drawn.
    /// </summary>
    public static PosterImageSet<T> Load(IEnumerable<PosterSpec> specs, Func<byte[], T> decode, RenderingErrors errors)
    {
        var images = new Dictionary<byte[], T>(ContentComparer.Instance);
        foreach (var (field, image) in specs.SelectMany(s => new[] { (nameof(PosterSpec.BackgroundImage), s.BackgroundImage), (nameof(PosterSpec.Logo), s.Logo) }))
        {
            if (image is null || images.ContainsKey(image) || errors.Has(field))
            {
                continue;
            }
            try
            {
                images[image] = decode(image);
            }
            catch (InvalidDataException)
            {
                errors.Add(field, "ImageUnreadable");
            }
        }
        var set = new PosterImageSet<T>(images);
        if (errors.Errors.Count > 0)
        {
            set.Dispose();
            errors.ThrowIfAny();
        }
        return set;
    }

    private sealed class ContentComparer : IEqualityComparer<byte[]>
    {
        public static readonly ContentComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}
