using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Tests.Features.Matrix;
using CommunityPortal.Tests.Features.Signups;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>
/// About three months of operation history with the edge cases docs/indices.md names, made the way people and other
/// systems make it: the matrix, channels, members and the events API through /api/v1, scans through the scan page /q
/// (phones, a link-preview bot) and sign-ups through the public page /s. Deterministic: one seeded random source.
/// The sign-up form is the one thing made through its service, as the API has no endpoint for forms.
/// </summary>
public sealed partial class IndexHistory(IndexSite site)
{
    public const string LiveCodeSlug = "idx-read";
    public const string FormSlug = "idx-read3";

    private readonly HttpClient _manager = site.ClientAs(Roles.Manager);
    private readonly HttpClient _operator = site.ClientAs(Roles.Operator);
    private readonly Random _random = new(20261203);

    /// <summary>The team's day when the history was made; every generated event lies before now.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, site.Zone));

    /// <summary>The first day with a fact.</summary>
    public DateOnly FirstDay => Today.AddDays(-HistoryDays);

    public const int HistoryDays = 100;

    /// <summary>Two series of three periods each: [series][period].</summary>
    public int[] SeriesIds { get; } = new int[2];

    public int[][] Periods { get; } = [new int[3], new int[3]];

    /// <summary>Groups of the periods (two tiers where a period has two) and one outside any activity (the last).</summary>
    public List<(int Id, int? ActivityId, GroupTier Tier)> Groups { get; } = [];

    /// <summary>Channels A (1,000 yuan), B (1,500, later 1,800), C (free), D (300, never used).</summary>
    public Dictionary<char, int> Channels { get; } = [];

    private readonly Dictionary<char, string> _channelKeys = [];
    private int _liveCodeId;

    public async Task MakeAsync()
    {
        await MatrixAsync();
        await ChannelsAndLiveCodeAsync();
        await MembersAsync();
        await ScansAndPageSignupsAsync();
        await EventsAsync();
        await BlacklistsAsync();
        await CheckInsAsync();
        await LaterChangesAsync();
    }

    /// <summary>The local time <paramref name="daysAgo"/> days before today in the team's zone, as UTC on the wire.</summary>
    public string Local(int daysAgo, int hour, int minute = 0, int second = 0) =>
        Wire(TimeZoneInfo.ConvertTimeToUtc(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, minute, second)), site.Zone));

    public static string Wire(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task MatrixAsync()
    {
        var theme = await _manager.CreateThemeAsync();
        string[] names = ["读书营", "亲子营"];
        int[][] starts = [[90, 60, 30], [80, 45, 10]];
        for (var s = 0; s < 2; s++)
        {
            SeriesIds[s] = (await _manager.CreateSeriesAsync(theme.Id, MatrixApi.Unique(names[s]))).Id;
            for (var p = 0; p < 3; p++)
            {
                var start = Today.AddDays(-starts[s][p]);
                Periods[s][p] = (await (await _manager.PostJsonAsync("/api/v1/activities", new
                {
                    seriesId = SeriesIds[s], periodNo = p + 1, startDate = IndicesApiClient.Day(start), endDate = IndicesApiClient.Day(start.AddDays(10)),
                })).ReadAsync<ActivityResponse>(HttpStatusCode.Created)).Id;
            }
        }
        (int? Activity, GroupTier Tier)[] groups =
        [
            (Periods[0][0], GroupTier.Welfare), (Periods[0][0], GroupTier.Core), (Periods[0][1], GroupTier.Welfare), (Periods[0][1], GroupTier.Circulation),
            (Periods[0][2], GroupTier.Welfare), (Periods[0][2], GroupTier.Core), (Periods[1][0], GroupTier.Core), (Periods[1][1], GroupTier.Welfare),
            (Periods[1][2], GroupTier.Circulation), (null, GroupTier.Core),
        ];
        foreach (var (activity, tier) in groups)
        {
            var group = await _manager.CreateGroupAsync(new { name = MatrixApi.Unique("群"), activityId = activity, tier = tier.ToString(), status = "Open" });
            Groups.Add((group.Id, activity, tier));
        }
    }

    /// <summary>The groups of period 3 of the first series take the scans: they get a QR through the API first.</summary>
    private async Task ChannelsAndLiveCodeAsync()
    {
        foreach (var (name, type, cost) in new (char, ChannelType, decimal?)[]
                 { ('A', ChannelType.Article, 1000m), ('B', ChannelType.Kol, 1500m), ('C', ChannelType.OfflinePoster, null), ('D', ChannelType.PaidAd, 300m) })
        {
            Channels[name] = (await (await _manager.PostJsonAsync("/api/v1/channels", new { name = MatrixApi.Unique($"渠道{name}"), type = type.ToString(), cost }))
                .ReadAsync<ChannelResponse>(HttpStatusCode.Created)).Id;
        }
        foreach (var group in Groups.Where(g => g.ActivityId == Periods[0][2]))
        {
            var form = new MultipartFormDataContent();
            var image = new ByteArrayContent(QrImages.Png($"{QrBytes.Invite}{group.Id}"));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, "file", "qr.png");
            (await _manager.PostAsync($"/api/v1/groups/{group.Id}/qr", form)).EnsureSuccessStatusCode();
        }
        var code = await (await _manager.PostJsonAsync("/api/v1/livecodes", new { name = "读书营活码", slug = LiveCodeSlug }))
            .ReadAsync<LiveCodeResponse>(HttpStatusCode.Created);
        _liveCodeId = code.Id;
        // Two people per group: the visitors after them get the fallback, a scan that shows no group.
        var pool = Groups.Where(g => g.ActivityId == Periods[0][2]).Select(g => new { groupId = g.Id, threshold = 2 }).ToArray();
        await (await _manager.PutJsonAsync($"/api/v1/livecodes/{code.Id}/pool", new { entries = pool, version = code.Version })).ReadAsync<LiveCodeResponse>();
        foreach (var channel in "ABC")
        {
            _channelKeys[channel] = (await (await _manager.PostJsonAsync($"/api/v1/livecodes/{code.Id}/channel-codes", new { channelId = Channels[channel] }))
                .ReadAsync<ChannelCodeResponse>(HttpStatusCode.Created)).Key;
        }
        await SignupSeed.FormAsync(site.Services, Periods[0][2], FormSlug, f => f.LiveCodeId = _liveCodeId);
    }
}
