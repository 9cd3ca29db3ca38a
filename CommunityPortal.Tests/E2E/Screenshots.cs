using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>Full-page screenshots for a person to look at, only when PORTAL_SCREENSHOTS names a folder.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
