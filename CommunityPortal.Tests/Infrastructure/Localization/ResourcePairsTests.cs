using System.Globalization;
using System.Resources;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Tests.Infrastructure.Localization;

/// <summary>
/// Every marker class (…Text) finds its strings in both cultures: a .resx that stops resolving after a move would
/// otherwise only show its keys on screen.
/// </summary>
public sealed class ResourcePairsTests
{
    private static readonly Type[] Markers = typeof(Program).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Text", StringComparison.Ordinal) && t.IsSealed && !t.IsGenericType
            && t.GetConstructors().Any(c => c.GetParameters().Length == 0) && t.GetMembers(System.Reflection.BindingFlags.DeclaredOnly
                | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static).Length <= 1)
        .OrderBy(t => t.FullName)
        .ToArray();

    public static TheoryData<string> MarkerNames() => [.. Markers.Select(t => t.FullName!)];

    [Fact]
    public void Markers_AreFound()
    {
        Assert.Contains(Markers, t => t.Name == "MatrixText");
        Assert.Contains(Markers, t => t.Name == "ValidationText");
        Assert.True(Markers.Length >= 19, string.Join(", ", Markers.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(MarkerNames))]
    public void Marker_HasTheSameKeys_InChineseAndEnglish(string markerName)
    {
        var marker = Markers.Single(t => t.FullName == markerName);
        var localizer = Localizer(marker);

        var zh = Keys(localizer, "zh-CN");
        Assert.NotEmpty(zh);
        if (marker.Name == "MudBlazorText")
        {
            // Chinese only: MudBlazor's own English is the fallback.
            Assert.Empty(Keys(localizer, "en"));
            return;
        }
        var en = Keys(localizer, "en");
        Assert.NotEmpty(en);
        Assert.Equal(en, zh);
    }

    private static IStringLocalizer Localizer(Type marker)
    {
        var services = new ServiceCollection().AddLogging().AddPortalLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizerFactory>().Create(marker);
    }

    private static string[] Keys(IStringLocalizer localizer, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // English is the neutral file, so it is read through the parent chain; Chinese must be in its own file.
            return localizer.GetAllStrings(includeParentCultures: culture == "en").Select(s => s.Name).Order(StringComparer.Ordinal).ToArray();
        }
        catch (MissingManifestResourceException)
        {
            return [];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
