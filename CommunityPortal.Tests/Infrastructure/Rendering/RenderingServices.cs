using CommunityPortal.Features.Posters;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>The rendering services as the app registers them (no database needed).</summary>
internal static class RenderingServices
{
    private static readonly Lazy<ServiceProvider> Provider = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddRendering(RenderingTestConfiguration.Default());
        services.AddPosters();
        return services.BuildServiceProvider();
    });

    public static QrImageService Qr => Provider.Value.GetRequiredService<QrImageService>();

    public static PosterService Posters => Provider.Value.GetRequiredService<PosterService>();

    public static PosterFont Font => Provider.Value.GetRequiredService<PosterFont>();

    public const string LiveCodeUrl = "https://portal.example.com/q/reading-camp?c=kol01";

    /// <summary>An 8 × 8 PNG of blue and yellow stripes: a stand-in logo.</summary>
    public static readonly byte[] StripesPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGElEQVR4nGNgqLiCHeGU+H8CO8ItQQc7APVkYmEjlWG0AAAAAElFTkSuQmCC");

    /// <summary>A 2 × 2 PNG (red, green / blue, white), written by hand so tests need no image library.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC");
}
