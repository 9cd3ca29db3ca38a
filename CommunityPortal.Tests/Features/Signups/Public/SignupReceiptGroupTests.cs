using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Signups.Public;

/// <summary>
/// The receipt after signing up shows the group the activity's live code gives this person, as that group's own QR
/// (ADR 028): routed and recorded exactly as a scan of /q/{slug}, so thresholds, repeats, bots and the fallback hold.
/// </summary>
public sealed class SignupReceiptGroupTests : IAsyncLifetime
{
    private readonly SignupSite _factory = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("receipt-qr-").FullName;
    private int _activityId;

    private IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync() => _activityId = (await SignupSeed.ActivityAsync(Services)).Id;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<List<Scan>> ScansAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<Scan>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    private async Task<LiveCodeDto> FormWithLiveCodeAsync(string slug, IReadOnlyList<PoolEntryInput> pool, Action<LiveCodeInput>? change = null)
    {
        var code = await LiveCodeSeed.LiveCodeAsync(Services, slug + "-groups", pool, change);
        await SignupSeed.FormAsync(Services, _activityId, slug, f => f.LiveCodeId = code.Id);
        return code;
    }

    /// <summary>Opens the form in <paramref name="phone"/> (a client that keeps its cookies) and sends it.</summary>
    private static async Task<string> SignUpAsync(HttpClient phone, string slug, params (string Name, string Value)[] fields)
    {
        using var page = await phone.GetAsync($"/s/{slug}");
        var token = await FormToken.ReadAsync(page);
        using var response = await phone.PostAsync($"/s/{slug}", new FormUrlEncodedContent(
            [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new(FormToken.FieldName, token.Token)]));
        return await HtmlAssert.PageAsync(response, HttpStatusCode.OK);
    }

    /// <summary>What a phone reads from the receipt's QR image, with a real decoder.</summary>
    private string ScanQr(string html)
    {
        var base64 = Regex.Match(html, "<img class=\"qr drawn\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(base64), "The receipt has no drawn QR image.");
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(path, Convert.FromBase64String(base64));
        return QrScanTests.Scan(path);
    }

    [Fact]
    public async Task Receipt_ShowsTheRoutedGroupsOwnQr_ToLongPress_AndRecordsTheScanWithItsChannelAndMember()
    {
        var alpha = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var code = await FormWithLiveCodeAsync("read1", [new(alpha)]);
        ChannelCodeDto channelCode;
        using (var scope = Services.CreateScope())
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            var kol = await channels.CreateAsync(new ChannelInput { Name = "KOL 小红", Type = ChannelType.Kol });
            channelCode = await channels.CreateCodeAsync(code.Id, kol.Id);
        }

        var html = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "13812345678"), ("c", channelCode.Key));

        Assert.Equal(LiveCodeSeed.Invite(alpha), ScanQr(html));
        Assert.Contains("长按识别二维码，加入活动群", html);
        Assert.Contains("Alpha群", html);
        Assert.DoesNotContain("/q/read1-groups", html);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 30 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        var scan = Assert.Single(await ScansAsync());
        var member = await SignupSeedMemberIdAsync(10001);
        Assert.Equal((ScanOutcome.Assigned, alpha, channelCode.Id, member, ClientKind.WeChatMobile),
            (scan.Outcome, scan.GroupId, scan.ChannelCodeId, scan.MemberId, scan.Client));
    }

    [Fact]
    public async Task Receipt_APersonWhoScannedFirst_SeesTheSameGroup_AndComingBackShowsItAgain_CountedOnce()
    {
        var alpha = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var beta = await LiveCodeSeed.OpenGroupAsync(Services, "Beta群");
        await FormWithLiveCodeAsync("read1", [new(alpha), new(beta)], i => i.Mode = RotationMode.RoundRobin);
        var phone = _factory.Phone();

        var scanned = await phone.GetStringAsync("/q/read1-groups");
        var receipt = await SignUpAsync(phone, "read1", ("name", "王小明"), ("phone", "13812345678"));
        var back = await phone.GetStringAsync("/s/read1");

        Assert.Contains("Alpha群", scanned);
        Assert.Equal(LiveCodeSeed.Invite(alpha), ScanQr(receipt));
        Assert.Contains("你已报名", back);
        Assert.Equal(LiveCodeSeed.Invite(alpha), ScanQr(back));
        var scans = await ScansAsync();
        Assert.Equal([ScanOutcome.Assigned, ScanOutcome.Repeat, ScanOutcome.Repeat], scans.Select(s => s.Outcome));
        Assert.Single(scans.Select(s => s.VisitorKey).Distinct());
        Assert.All(scans, s => Assert.Equal(alpha, s.GroupId));
    }

    [Fact]
    public async Task Receipt_ManyAtOnce_NoGroupGetsMoreThanItsThreshold_TheRestSeeTheFallbackWithTheStaffQr()
    {
        var alpha = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        var code = await FormWithLiveCodeAsync("rush", [new(alpha, 5)], i => i.FallbackMessage = "请加小助手，拉你进群");
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<LiveCodeService>().SetFallbackImageAsync(code.Id, LiveCodeSeed.Png());
        }
        using var page = await _factory.Bare().GetAsync("/s/rush");
        var token = await FormToken.ReadAsync(page);
        var client = _factory.Bare();

        // Each without a visitor cookie: twenty different phones.
        var pages = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await client.SendAsync(token.Post("rush", ("name", $"家长{i}"), ("phone", $"138{i:D8}")));
            return await HtmlAssert.PageAsync(response, HttpStatusCode.OK);
        }));

        Assert.Equal(5, pages.Count(p => p.Contains("data-group") && p.Contains("Alpha群")));
        var fallbacks = pages.Where(p => p.Contains("data-fallback")).ToList();
        Assert.Equal(15, fallbacks.Count);
        Assert.All(fallbacks, p => Assert.Contains("请加小助手，拉你进群", p));
        Assert.All(fallbacks, p => Assert.Contains("长按识别二维码添加工作人员", p));
        Assert.All(fallbacks, p => Assert.DoesNotContain("Alpha群", p));
        var scans = await ScansAsync();
        Assert.Equal(5, scans.Count(s => s.Outcome == ScanOutcome.Assigned && s.GroupId == alpha));
        Assert.Equal(15, scans.Count(s => s.Outcome == ScanOutcome.Fallback && s.GroupId == null));
        Assert.Equal(20, scans.Select(s => s.VisitorKey).Distinct().Count());
    }

    [Fact]
    public async Task Receipt_ForABot_ShowsNoGroup_AndTakesNoSeat()
    {
        var alpha = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await FormWithLiveCodeAsync("read1", [new(alpha, 1)]);
        var bot = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        bot.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "curl/8.5.0");

        var html = await SignUpAsync(bot, "read1", ("name", "脚本"), ("phone", "13800000001"));
        var person = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "13812345678"));

        Assert.Contains("data-member-no>10001<", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("请留意工作人员的后续通知。", html);
        Assert.Equal(LiveCodeSeed.Invite(alpha), ScanQr(person));
        Assert.Equal([ScanOutcome.Bot, ScanOutcome.Assigned], (await ScansAsync()).Select(s => s.Outcome));
    }

    [Fact]
    public async Task Receipt_WhenTheLiveCodeIsPaused_SaysToWatchForNews_AndRecordsThePausedScan()
    {
        var alpha = await LiveCodeSeed.OpenGroupAsync(Services, "Alpha群");
        await FormWithLiveCodeAsync("read1", [new(alpha)], i => i.IsPaused = true);

        var html = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "13812345678"));

        Assert.Contains("报名成功", html);
        Assert.DoesNotContain("Alpha群", html);
        Assert.Contains("请留意工作人员的后续通知。", html);
        Assert.Equal(ScanOutcome.Paused, Assert.Single(await ScansAsync()).Outcome);
    }

    private async Task<int> SignupSeedMemberIdAsync(int memberNo)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CommunityPortal.Features.Members.MemberService>().GetByNumberAsync(memberNo)).Id;
    }
}
