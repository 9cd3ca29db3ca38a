using Microsoft.Extensions.Configuration;

namespace CommunityPortal.Tests.Features.Rendering;

/// <summary>The portal's own defaults for rendering (no settings): posters use the Debian font at its usual path.</summary>
internal static class RenderingTestConfiguration
{
    public static IConfiguration Default() => new ConfigurationBuilder().Build();
}
