using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CommunityPortal.Tests.Infrastructure.Rendering.RenderingServices;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>The poster face: what it can draw, how wide text is, and which file and face the settings pick.</summary>
public sealed class PosterFontTests
{
    [Fact]
    public void Has_ChineseLatinAndDigits_ButNoEmoji()
    {
        Assert.All("中文读书会 Reading 2026".Where(c => c != ' '), c => Assert.True(Font.Has(c), $"'{c}'"));
        Assert.False(Font.Has(0x1F525)); // 🔥
        Assert.False(Font.Has(0x10FFFD));
    }

    [Fact]
    public void Measure_IsTheSumOfTheAdvances_ProportionalToTheSize()
    {
        Assert.Equal(Font.Measure("中", 10) + Font.Measure("文", 10), Font.Measure("中文", 10), 9);
        Assert.Equal(2 * Font.Measure("读书", 6), Font.Measure("读书", 12), 9);
        Assert.InRange(Font.Measure("中", 10), 8, 11); // a CJK character is about one em wide
        Assert.True(Font.Measure("i", 10) < Font.Measure("W", 10));
        Assert.Equal(0, Font.Measure("", 10));
    }

    [Fact]
    public void FontFaceIndex_PicksTheFaceOfTheCollection_ThePdfEmbeds()
    {
        using var services = Services(new() { ["Rendering:FontFaceIndex"] = "1" });

        var pdf = services.GetRequiredService<PosterService>().Pdf([PosterServiceTests.ChineseSpec()]);

        Assert.Matches(@"[A-Z]{6}\+WenQuanYi Micro Hei Mono\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", PosterServiceTests.Poppler("pdffonts", pdf, "{0}"));
        Assert.Contains("21天阅读训练营", PosterServiceTests.PdfToText(pdf));
        // Monospaced: Latin letters as wide as each other, unlike face 0.
        var font = services.GetRequiredService<PosterFont>();
        Assert.Equal(font.Measure("i", 10), font.Measure("W", 10), 9);
    }

    [Fact]
    public void AMissingFontFile_SaysWhichPackageToInstall()
    {
        using var services = Services(new() { ["Rendering:FontPath"] = "/nonexistent/poster-font.ttf" });

        var ex = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<PosterService>().Pdf([PosterServiceTests.ChineseSpec()]));

        Assert.Contains("/nonexistent/poster-font.ttf", ex.Message);
        Assert.Contains("fonts-wqy-microhei", ex.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddRendering(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }
}
