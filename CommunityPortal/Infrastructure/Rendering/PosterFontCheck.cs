
namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// Says at start-up when the poster font is missing: the rest of the portal runs, but every poster would fail, and an
/// operator should learn that from the log before a print run, not from a failed download.
/// </summary>
internal sealed class PosterFontCheck(RenderingOptions options, ILogger<PosterFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var file = string.IsNullOrWhiteSpace(options.FontPath) ? PosterFont.DefaultPath : options.FontPath;
        if (!File.Exists(file))
        {
            logger.LogWarning(
                "The poster font {FontPath} is missing: posters (PDF, PNG) cannot be made until it is there. Install the Debian package fonts-wqy-microhei or set Rendering:FontPath.",
                file);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
