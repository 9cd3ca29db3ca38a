using CommunityPortal.Features.Rendering;
using Microsoft.Extensions.Configuration;

namespace CommunityPortal.Tests.Features.Rendering;

/// <summary>Tests are not distributed, so they may run PdfSharp under AGPL; the portal itself defaults to posters off.</summary>
internal static class RenderingTestConfiguration
{
    public static IConfiguration WithPosters() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Rendering:PdfSharpLicense"] = RenderingOptions.Agpl })
        .Build();

    public static IConfiguration WithoutLicence() => new ConfigurationBuilder().Build();
}
