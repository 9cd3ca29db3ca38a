using System.Net;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes.Scanning;

public sealed class ScanEndpointTests : IDisposable
{
    public const string WeChatAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2f) NetType/WIFI Language/zh_CN";

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private IServiceProvider Services => _factory.Services;

    private HttpClient Client(bool cookies = false, string userAgent = WeChatAgent)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = cookies, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return client;
    }

    private async Task<List<Scan>> ScansAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<Scan>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Scan_HundredsInParallel_GroupsGetExactlyTheirThresholds_RestGetFallback_AllStored()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var b = await LiveCodeSeed.OpenGroupAsync(Services, "Beta群");
        await LiveCodeSeed.LiveCodeAsync(Services, "rush", [new(a, 5), new(b, 7)]);
        var client = Client();

        var pages = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ =>
        {
            using var response = await client.GetAsync("/q/rush");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Equal(5, pages.Count(p => p.Contains("Alpha群")));
        Assert.Equal(7, pages.Count(p => p.Contains("Beta群")));
        Assert.Equal(288, pages.Count(p => p.Contains("群已满")));
        var scans = await ScansAsync();
        Assert.Equal(300, scans.Count);
        Assert.Equal(5, scans.Count(s => s.GroupId == a && s.Outcome == ScanOutcome.Assigned));
        Assert.Equal(7, scans.Count(s => s.GroupId == b && s.Outcome == ScanOutcome.Assigned));
        Assert.Equal(288, scans.Count(s => s.Outcome == ScanOutcome.Fallback));
        Assert.All(scans, s => Assert.Equal(ClientKind.WeChatMobile, s.Client));
    }

    [Fact]
    public async Task Scan_FirstGroupFull_RoutesToNext_ThenFallback_WithStaffQr()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var b = await LiveCodeSeed.OpenGroupAsync(Services, "Beta群");
        var code = await LiveCodeSeed.LiveCodeAsync(Services, "order", [new(a, 1), new(b, 1)], i => i.FallbackMessage = "请加小助手");
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<LiveCodeService>().SetFallbackImageAsync(code.Id, LiveCodeSeed.Png());
        }

        var pages = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            pages.Add(await Client().GetStringAsync("/q/order"));
        }

        Assert.Contains("Alpha群", pages[0]);
        Assert.Contains("Beta群", pages[1]);
        Assert.Contains("请加小助手", pages[2]);
        Assert.Contains("长按识别二维码添加工作人员", pages[2]);
    }

    [Fact]
    public async Task Scan_RepeatVisitorWithin24Hours_SeesSameGroup_CountedOnce()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var b = await LiveCodeSeed.OpenGroupAsync(Services, "Beta群");
        await LiveCodeSeed.LiveCodeAsync(Services, "again", [new(a), new(b)], i => i.Mode = RotationMode.RoundRobin);
        var person = Client(cookies: true);

        using var first = await person.GetAsync("/q/again");
        var second = await person.GetStringAsync("/q/again");

        Assert.Contains("Alpha群", await first.Content.ReadAsStringAsync());
        Assert.Contains("Alpha群", second);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=86400", cookie, StringComparison.OrdinalIgnoreCase);
        var scans = await ScansAsync();
        Assert.Equal([ScanOutcome.Assigned, ScanOutcome.Repeat], scans.OrderBy(s => s.Id).Select(s => s.Outcome));
        Assert.Single(scans.Select(s => s.VisitorKey).Distinct());
    }

    [Theory]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("curl/8.5.0")]
    public async Task Scan_ByLinkPreviewOrBot_IsRecordedAsBot_AndNeverUsesASeat(string agent)
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await LiveCodeSeed.LiveCodeAsync(Services, "preview", [new(a, 1)]);

        var preview = await Client(userAgent: agent).GetStringAsync("/q/preview");
        var person = await Client().GetStringAsync("/q/preview");

        Assert.DoesNotContain("<img", preview);
        Assert.Contains("Alpha群", person);
        var scans = await ScansAsync();
        Assert.Equal(ScanOutcome.Bot, scans.Single(s => s.Client == ClientKind.Bot).Outcome);
    }

    [Theory]
    [InlineData("/q/nope-nope")]
    [InlineData("/q/Bad!Slug")]
    [InlineData("/q/ab")]
    public async Task Scan_UnknownOrMalformedSlug_IsThe404Page(string url)
    {
        using var response = await Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scan_AfterValidUntil_Is410Ended_AndRecorded()
    {
        await LiveCodeSeed.LiveCodeAsync(Services, "ended", [], i => (i.ValidFrom, i.ValidUntil) = (DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddMinutes(-1)));

        using var response = await Client().GetAsync("/q/ended");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("活动已结束", await response.Content.ReadAsStringAsync());
        Assert.Equal(ScanOutcome.Expired, Assert.Single(await ScansAsync()).Outcome);
    }

    [Fact]
    public async Task Scan_WhenPaused_ShowsThePausedPage()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await LiveCodeSeed.LiveCodeAsync(Services, "hold", [new(a)], i => i.IsPaused = true);

        var page = await Client().GetStringAsync("/q/hold");

        Assert.Contains("活动暂停中", page);
        Assert.DoesNotContain("Alpha群", page);
    }

    /// <summary>The group QR on the page, read back the way a phone would read it.</summary>
    private static string? PageQr(string page)
    {
        var src = System.Text.RegularExpressions.Regex.Match(page, "<img class=\"qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(src.Success, "the page has no inline group QR");
        return GroupQrReader.Read(Convert.FromBase64String(src.Groups[1].Value)).Text;
    }

    [Fact]
    public async Task Scan_Page_IsSmallPlainHtml_WithInlineQr_AndNoBlazor()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群", qrSize: 30_000);
        await LiveCodeSeed.LiveCodeAsync(Services, "small", [new(a)]);

        using var response = await Client().GetAsync("/q/small");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var page = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.InRange(bytes.Length, 1, 50 * 1024);
        Assert.DoesNotContain("blazor", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", page);
        Assert.Contains("width=device-width", page);
        Assert.Contains("src=\"data:image/png;base64,", page);
        Assert.Contains("长按识别二维码加入群聊", page);
        Assert.Contains("进群领取资料", page);
    }

    [Fact]
    public async Task Scan_Page_DrawsTheGroupQrFromItsStoredInvite_NotTheUploadedScreenshot()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await LiveCodeSeed.LiveCodeAsync(Services, "drawn", [new(a)]);

        var page = await Client().GetStringAsync("/q/drawn");

        Assert.Equal(LiveCodeSeed.Invite(a), PageQr(page));
        Assert.DoesNotContain(Convert.ToBase64String(LiveCodeSeed.Png())[..40], page);
    }

    [Fact]
    public async Task Scan_LargeScreenshot_IsNeverSent_ThePageStaysSmallWithTheQrInline()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群", withQr: false);
        var qrId = await LiveCodeSeed.AddQrAsync(Services, a, size: 200_000);
        await LiveCodeSeed.LiveCodeAsync(Services, "large", [new(a)]);

        var page = await Client().GetStringAsync("/q/large");

        Assert.True(page.Length < 50 * 1024);
        Assert.Equal(LiveCodeSeed.Invite(a), PageQr(page));
        Assert.DoesNotContain("/q/large/qr/", page);
        // The operator's screenshot may hold more than the code: it has no public address.
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"/q/large/qr/{qrId}")).StatusCode);
    }

    [Fact]
    public async Task Scan_AfterTheGroupsQrIsReplaced_ShowsTheNewQr()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await LiveCodeSeed.LiveCodeAsync(Services, "replaced", [new(a)]);
        Assert.Equal(LiveCodeSeed.Invite(a), PageQr(await Client().GetStringAsync("/q/replaced")));

        await LiveCodeSeed.AddQrAsync(Services, a, payload: "https://weixin.qq.com/g/AQYAANewWeekNewCode");

        Assert.Equal("https://weixin.qq.com/g/AQYAANewWeekNewCode", PageQr(await Client().GetStringAsync("/q/replaced")));
    }

    [Fact]
    public async Task Scan_WithChannelKey_IsAttributed_UnknownKeyStillWorksWithoutChannel()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var code = await LiveCodeSeed.LiveCodeAsync(Services, "chan", [new(a)]);
        ChannelCodeDto channelCode;
        using (var scope = Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var channel = await channels.CreateAsync(new ChannelInput { Name = "KOL 小红", Type = ChannelType.Kol });
            channelCode = await channels.CreateCodeAsync(code.Id, channel.Id);
        }

        await Client().GetStringAsync($"/q/chan?c={channelCode.Key}");
        var unknown = await Client().GetStringAsync("/q/chan?c=zzzzzzzz");

        Assert.Contains("Alpha群", unknown);
        var scans = (await ScansAsync()).OrderBy(s => s.Id).ToList();
        Assert.Equal([channelCode.Id, null], scans.Select(s => s.ChannelCodeId));
    }

    [Fact]
    public async Task Scan_WithEnglishCultureCookie_IsInEnglish()
    {
        var a = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await LiveCodeSeed.LiveCodeAsync(Services, "english", [new(a)]);
        var client = Client();
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}=c%3Den%7Cuic%3Den");

        var page = await client.GetStringAsync("/q/english");

        Assert.Contains("Press and hold the QR code", page);
        Assert.Contains("lang=\"en\"", page);
    }

    [Fact]
    public async Task Scan_AcknowledgedScans_SurviveARestart_AndCountsCarryOver()
    {
        var path = Path.Combine(Path.GetTempPath(), "cp-tests", $"restart-{Guid.NewGuid():N}.db");
        try
        {
            int acknowledged;
            using (var first = new ScanSite(path))
            {
                var a = await LiveCodeSeed.OpenGroupAsync(first.Services, "Alpha群");
                await LiveCodeSeed.LiveCodeAsync(first.Services, "durable", [new(a, 40)]);
                var client = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
                client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
                var codes = await Task.WhenAll(Enumerable.Range(0, 120).Select(async _ => (await client.GetAsync("/q/durable")).StatusCode));
                acknowledged = codes.Count(c => c == HttpStatusCode.OK);
            }
            using var second = new ScanSite(path);
            var again = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            again.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
            var afterRestart = await again.GetStringAsync("/q/durable");

            await using var db = await second.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Equal(120, acknowledged);
            Assert.Equal(121, await db.Set<Scan>().CountAsync());
            Assert.Equal(40, await db.Set<Scan>().CountAsync(s => s.Outcome == ScanOutcome.Assigned));
            Assert.Contains("群已满", afterRestart);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
