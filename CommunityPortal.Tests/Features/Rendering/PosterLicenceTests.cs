using CommunityPortal.Common;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Rendering;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Rendering;

/// <summary>PdfSharp 6.5 is AGPL-3.0: the portal never picks that licence for its operator (docs/adr/010).</summary>
public sealed class PosterLicenceTests
{
    [Fact]
    public void Posters_WithoutAChosenLicence_AreRefusedWithAClearMessage_WhileQrImagesStillWork()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddRendering(RenderingTestConfiguration.WithoutLicence());
        using var provider = services.BuildServiceProvider();
        var posters = provider.GetRequiredService<PosterService>();
        var spec = new PosterSpec { Title = "21天阅读训练营", Url = RenderingServices.LiveCodeUrl };

        using (new CultureScope("en"))
        {
            var refused = Assert.Throws<ConflictException>(() => posters.Pdf([spec]));
            Assert.Contains("Rendering:PdfSharpLicense", refused.Message);
            Assert.Throws<ConflictException>(() => posters.Svg(spec));
        }

        var png = provider.GetRequiredService<QrImageService>().Png(new QrRequest(RenderingServices.LiveCodeUrl));
        Assert.Equal(0x89, png[0]);
    }
}
