using CommunityPortal.Infrastructure.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>The portal's own defaults for rendering (no settings): posters use the Debian font at its usual path.</summary>
internal static class RenderingTestConfiguration
{
    public const string PublicBase = "https://qun.example.com/";

    public static IConfiguration Default() => new ConfigurationBuilder().Build();

    /// <summary>Portal:PublicBaseUrl as the app binds it; null: not set, codes carry the browser's address.</summary>
    public static PublicAddress PublicAddress(string? publicBaseUrl = null) =>
        new(Options.Create(new PublicAddressOptions { PublicBaseUrl = publicBaseUrl }));
}
