using System.Net;
using System.Net.Http.Headers;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Tests.Features.Matrix;
using CommunityPortal.Tests.Features.Signups;
using CommunityPortal.Tests.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPortal.Tests.Features.Indices.Queries;

/// <summary>
/// A small history worked out by hand ("Done when" of the indices issue): one series with two periods, a few named
/// members, two channels with costs. The expected figures are literal numbers, reasoned in the comments.
/// </summary>
public sealed class IndexHandCalculationTests : IAsyncLifetime
{
    private readonly ApiSite _site = new();
    private HttpClient _manager = default!;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _manager = _site.ClientAs(Roles.Manager);
        _today = DateOnly.FromDateTime(PortalTime.ToLocal(DateTime.UtcNow));
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RetentionAndChannelRoi_OfTwoPeriods_MatchTheHandCalculation()
    {
        var series = await _manager.CreateSeriesAsync(name: "手算营");
        var first = await PeriodAsync(series.Id, 1, 40);
        var second = await PeriodAsync(series.Id, 2, 15);
        var firstGroup = await _manager.CreateGroupAsync(new { name = "一期福利群", activityId = first, status = "Open" });
        var secondGroup = await _manager.CreateGroupAsync(new { name = "二期福利群", activityId = second, status = "Open" });
        var article = await ChannelAsync("公众号推文", ChannelType.Article, 600m);
        var kol = await ChannelAsync("KOL 小红", ChannelType.Kol, 1000m);
        var (ming, hong, gang) = (await MemberAsync("小明", article), await MemberAsync("小红", article), await MemberAsync("小刚", article));
        var (li, qiang, hei) = (await MemberAsync("小丽", kol), await MemberAsync("小强", kol), await MemberAsync("小黑", kol));
        var fang = await MemberAsync("小芳", null);

        await PostEventsAsync(
            SignedUp(ming, first, 38), Joined(hong, firstGroup.Id, 37), SignedUp(gang, first, 36), Joined(li, firstGroup.Id, 35),
            SignedUp(ming, second, 14), Joined(hong, secondGroup.Id, 13), SignedUp(qiang, second, 12), SignedUp(fang, second, 11),
            SignedUp(hei, second, 10),
            Purchased(ming, 199m, 9), Purchased(ming, 99m, 8), Purchased(hong, 1000m, 7), Purchased(li, 300m, 6), Purchased(hei, 500m, 5));
        await (await _manager.PostJsonAsync($"/api/v1/members/{hei.Id}/blacklist", new { reason = "刷单" })).ReadAsync<MemberResponse>();

        // Scans: phone 1 twice through the article's code, phone 2 once, a bot once (not counted); phone 3 once through
        // the KOL's code. The live code's one group has a QR, so every person is shown it.
        var (articleCode, kolCode) = await LiveCodeAsync(secondGroup.Id, article, kol);
        var (phone1, phone2, phone3) = (_site.Phone(), _site.Phone(), _site.Phone());
        await ScanAsync(phone1, articleCode);
        await ScanAsync(phone1, articleCode);
        await ScanAsync(phone2, articleCode);
        await ScanAsync(BotClient(), articleCode);
        await ScanAsync(phone3, kolCode);
        await _site.CaughtUpAsync();

        var retention = await _manager.RetentionAsync(series.Id);
        // People of period 1: 小明 (signed up), 小红 (joined its group), 小刚 (signed up), 小丽 (joined) = 4.
        // People of period 2: 小明, 小红, 小强, 小芳 = 4; 小黑 signed up too but is blacklisted, so is no one's person.
        Assert.Equal([(first, 4), (second, 4)], retention.Periods.Select(p => (p.ActivityId, p.People)));
        // Share of period 2's people who were in period 1: 小明 and 小红 of 4 = 2 / 4 = 0.5.
        Assert.Equal(new double?[] { null, null }, retention.Shares[0]);
        Assert.Equal(new double?[] { 0.5, null }, retention.Shares[1]);
        // Period 1 has no earlier period: all 4 are new. Period 2: 2 came from period 1, 2 (小强, 小芳) are new.
        Assert.Equal((4, 0), (retention.Composition[0].New, retention.Composition[0].From.Count));
        Assert.Equal(2, retention.Composition[1].New);
        Assert.Equal([new RetentionSource(first, 2)], retention.Composition[1].From);

        var channels = await _manager.ChannelsAsync(new IndexFilter(_today.AddDays(-60), _today.AddDays(1)));
        // 公众号推文: 3 scans by 2 visitors, both shown the group; acquired 小明, 小红, 小刚 = 3 (学号 given today, first
        // channel it); signed up in the range: 小明, 小刚 = 2 (小红 only joined); purchasers 小明 (199 + 99) and 小红 (1000):
        // revenue 1,298. Cost 600: cost per member 600 / 3 = 200; ROI (1,298 − 600) / 600 = 698 / 600 = 1.1633…
        Assert.Equal(new ChannelIndexRow(article, "公众号推文", ChannelType.Article, Scans: 3, UniqueVisitors: 2, Routed: 2, Acquired: 3, SignedUp: 2,
            Purchasers: 2, Revenue: 1298m, Cost: 600m, CostPerMember: 200m, Roi: 698.0 / 600), Assert.Single(channels, c => c.ChannelId == article));
        // KOL 小红: 1 scan, 1 visitor, routed; acquired 小丽, 小强 = 2 (小黑 is blacklisted); signed up 小强 = 1;
        // purchaser 小丽 (300; 小黑's 500 does not count): revenue 300. Cost 1,000: per member 1,000 / 2 = 500;
        // ROI (300 − 1,000) / 1,000 = −0.7.
        Assert.Equal(new ChannelIndexRow(kol, "KOL 小红", ChannelType.Kol, Scans: 1, UniqueVisitors: 1, Routed: 1, Acquired: 2, SignedUp: 1,
            Purchasers: 1, Revenue: 300m, Cost: 1000m, CostPerMember: 500m, Roi: -0.7), Assert.Single(channels, c => c.ChannelId == kol));
        Assert.Equal(2, channels.Count);
    }

    [Fact]
    public async Task AFact_CountsOnTheTeamsDayOfItsInstant_EitherSideOfShanghaiMidnight()
    {
        var (night, morning) = (await MemberAsync("夜猫子", null), await MemberAsync("早起鸟", null));
        var day = _today.AddDays(-10);
        // 15:59:59 UTC is 23:59:59 in Shanghai (UTC+8, no daylight saving); one second later it is 00:00:00 of the next day.
        var lastSecond = day.ToDateTime(new TimeOnly(15, 59, 59), DateTimeKind.Utc);
        await PostEventsAsync(Active(night, lastSecond), Active(morning, lastSecond.AddSeconds(1)));
        await _site.CaughtUpAsync();

        var daily = await _manager.DailyAsync(new IndexFilter(day, day.AddDays(1)));
        Assert.Equal([(day, 1), (day.AddDays(1), 1)], daily.Select(d => (d.Date, d.ActiveMembers)));
        Assert.Equal([1, 2], daily.Select(d => d.WeeklyActive));
        var hours = await _manager.HoursAsync(new IndexFilter(day, day.AddDays(1)));
        var weekday = ((int)day.DayOfWeek + 6) % 7;
        Assert.Equal((1, 1, 2), (hours.Counts[weekday][23], hours.Counts[(weekday + 1) % 7][0], hours.Total));
    }

    private async Task<int> PeriodAsync(int series, int number, int startedDaysAgo) =>
        (await (await _manager.PostJsonAsync("/api/v1/activities", new
        {
            seriesId = series, periodNo = number, startDate = IndicesApiClient.Day(_today.AddDays(-startedDaysAgo)),
            endDate = IndicesApiClient.Day(_today.AddDays(-startedDaysAgo + 7)),
        })).ReadAsync<ActivityResponse>(HttpStatusCode.Created)).Id;

    private async Task<int> ChannelAsync(string name, ChannelType type, decimal cost) =>
        (await (await _manager.PostJsonAsync("/api/v1/channels", new { name, type = type.ToString(), cost })).ReadAsync<ChannelResponse>(HttpStatusCode.Created)).Id;

    private async Task<MemberResponse> MemberAsync(string nickname, int? channel) =>
        await (await _manager.PostJsonAsync("/api/v1/members", new { nickname, firstChannelId = channel })).ReadAsync<MemberResponse>(HttpStatusCode.Created);

    private async Task<(string Article, string Kol)> LiveCodeAsync(int group, int article, int kol)
    {
        var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(QrImages.Png(QrBytes.Invite));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "file", "qr.png");
        (await _manager.PostAsync($"/api/v1/groups/{group}/qr", form)).EnsureSuccessStatusCode();
        var code = await (await _manager.PostJsonAsync("/api/v1/livecodes", new { name = "手算活码", slug = "hand-calc" })).ReadAsync<LiveCodeResponse>(HttpStatusCode.Created);
        await (await _manager.PutJsonAsync($"/api/v1/livecodes/{code.Id}/pool", new { entries = new[] { new { groupId = group } }, version = code.Version }))
            .ReadAsync<LiveCodeResponse>();
        async Task<string> KeyAsync(int channel) =>
            (await (await _manager.PostJsonAsync($"/api/v1/livecodes/{code.Id}/channel-codes", new { channelId = channel })).ReadAsync<ChannelCodeResponse>(HttpStatusCode.Created)).Key;
        return (await KeyAsync(article), await KeyAsync(kol));
    }

    private HttpClient BotClient()
    {
        var bot = _site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        bot.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", IndexHistory.BotAgent);
        return bot;
    }

    private static async Task ScanAsync(HttpClient client, string channelKey) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/q/hand-calc?c={channelKey}")).StatusCode);

    private string Ago(int days) => IndexHistory.Wire(PortalTime.ToUtc(_today.AddDays(-days).ToDateTime(new TimeOnly(10, 0))));

    private object SignedUp(MemberResponse m, int activity, int daysAgo) => Item("signedUp", Ago(daysAgo), m, new { activityId = activity });

    private object Joined(MemberResponse m, int group, int daysAgo) => Item("joinedGroup", Ago(daysAgo), m, new { groupId = group });

    private object Purchased(MemberResponse m, decimal amount, int daysAgo) => Item("purchased", Ago(daysAgo), m, new { amount });

    private static object Active(MemberResponse m, DateTime utc) => Item("active", IndexHistory.Wire(utc), m, new { subtype = "message" });

    private static Dictionary<string, object?> Item(string type, string at, MemberResponse m, object extra)
    {
        var item = new Dictionary<string, object?>
        {
            ["clientEventId"] = Guid.NewGuid().ToString("N"), ["type"] = type, ["at"] = at, ["member"] = new { memberNo = m.MemberNo },
        };
        foreach (var p in extra.GetType().GetProperties())
        {
            item[p.Name] = p.GetValue(extra);
        }
        return item;
    }

    private async Task PostEventsAsync(params object[] events)
    {
        var result = await (await _site.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/events", new { events })).ReadAsync<EventBatchResponse>();
        Assert.Equal(events.Length, result.Created);
    }
}
