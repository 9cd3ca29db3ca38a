using System.Globalization;
using Microsoft.Playwright;

/// <summary>
/// (c) Memory per open dashboard: a Manager signs in once (Debian's chromium), then opens the daily index in more and
/// more tabs, each a live Blazor circuit; the portal's resident memory is read from /proc after each step. Tabs share a
/// few renderer processes, so a couple of hundred fit on the bench machine.
/// </summary>
internal static class Circuits
{
    public static async Task<int> RunAsync(string baseUrl, int portalPid, string email, string password, int count)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--renderer-process-limit=8", "--disable-gpu"] });
        var context = await browser.NewContextAsync(new() { Locale = "zh-CN" });
        var first = await context.NewPageAsync();
        await first.GotoAsync(baseUrl + "/Account/Login");
        await first.Locator("#email").FillAsync(email);
        await first.Locator("#password").FillAsync(password);
        await first.Locator("#login-submit").ClickAsync();
        await first.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await OpenAsync(first, baseUrl);
        var before = Rss(portalPid);
        var pages = new List<IPage> { first };
        foreach (var step in new[] { count / 4, count / 2, count })
        {
            while (pages.Count < step)
            {
                var page = await context.NewPageAsync();
                await OpenAsync(page, baseUrl);
                pages.Add(page);
            }
            await Task.Delay(2000);
            var now = Rss(portalPid);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(c) {pages.Count,3} open daily dashboards: portal {now / 1024.0:F0} MB, {(now - before) / 1024.0 / (pages.Count - 1):F2} MB per added circuit"));
        }
        var perCircuit = (Rss(portalPid) - before) / 1024.0 / (pages.Count - 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) 200 operator circuits ≈ {before / 1024.0 + 200 * perCircuit:F0} MB in all (one dashboard open: {before / 1024.0:F0} MB; target: within 1 GB)"));
        return 0;
    }

    private static async Task OpenAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/indices/daily");
        await page.Locator("[data-testid=daily-people]").WaitForAsync(new() { Timeout = 60_000 });
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);
}
