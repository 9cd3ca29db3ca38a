using System.Net;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups.Public;

/// <summary>
/// Scans join the member's timeline: the scans a phone made before signing up are linked when it signs up (the visitor
/// cookie reaches /s), and its later scans carry the member (the member cookie reaches /q). The receipt routes the person
/// through the live code itself (ADR 028): that scan carries the member from the start.
/// </summary>
public sealed class ScanMemberLinkTests : IAsyncLifetime
{
    private readonly SignupSite _factory = new();
    private int _activityId;
    private int _liveCodeId;
    private string _channelKey = "";

    private IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _activityId = (await SignupSeed.ActivityAsync(Services)).Id;
        using var scope = Services.CreateScope();
        var liveCodes = scope.ServiceProvider.GetRequiredService<LiveCodeService>();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        _liveCodeId = (await liveCodes.CreateAsync(new LiveCodeInput { Name = "读书会活码", Slug = "read-groups" })).Id;
        var channel = await channels.CreateAsync(new ChannelInput { Name = "公众号推文", Type = ChannelType.Article });
        _channelKey = (await channels.CreateCodeAsync(_liveCodeId, channel.Id)).Key;
        await SignupSeed.FormAsync(Services, _activityId, "read1", f => f.LiveCodeId = _liveCodeId);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<List<Scan>> ScansAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<Scan>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient phone, string name, string mobile)
    {
        using var page = await phone.GetAsync("/s/read1");
        var token = await FormToken.ReadAsync(page);
        return await phone.PostAsync("/s/read1", new FormUrlEncodedContent(
            [new("name", name), new("phone", mobile), new(FormToken.FieldName, token.Token)]));
    }

    private async Task<MemberHeader> MemberAsync(string phone)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<MemberService>().FindAsync(null, phone))!;
    }

    [Fact]
    public async Task ScansBeforeTheSignup_AreLinked_AndTheirChannelBecomesTheMembersFirstChannel()
    {
        var phone = _factory.Phone();
        var stranger = _factory.Phone();
        (await phone.GetAsync($"/q/read-groups?c={_channelKey}")).Dispose();
        (await phone.GetAsync("/q/read-groups")).Dispose();
        (await stranger.GetAsync("/q/read-groups")).Dispose();

        using var response = await SignUpAsync(phone, "王小明", "13812345678");
        await HtmlAssert.PageAsync(response, HttpStatusCode.OK);

        var member = await MemberAsync("13812345678");
        Assert.Equal("公众号推文", member.FirstChannelName);
        var scans = await ScansAsync();
        // The last scan is the receipt's own, with the member and the channel the sign-up took from the first scan.
        Assert.Equal([member.Id, member.Id, (int?)null, member.Id], scans.Select(s => s.MemberId));

        using var scope = Services.CreateScope();
        var timeline = await scope.ServiceProvider.GetRequiredService<MemberTimelineService>().GetAsync(member.Id);
        var scanned = timeline.Items.Where(e => e.Kind == TimelineKind.ScanLinked).ToList();
        Assert.Equal(3, scanned.Count);
        Assert.All(scanned, e => Assert.Equal("读书会活码", e.Text));
        Assert.Equal(["公众号推文", null, "公众号推文"], scanned.Select(e => e.ChannelName));
        Assert.All(scanned, e => Assert.Equal(ScanOutcome.Fallback, e.ScanOutcome));
    }

    [Fact]
    public async Task ScansAfterTheSignup_CarryTheMember_AndDeletingTheMemberKeepsTheScansWithoutThem()
    {
        var phone = _factory.Phone();
        using (var response = await SignUpAsync(phone, "王小明", "13812345678"))
        {
            await HtmlAssert.PageAsync(response, HttpStatusCode.OK);
        }
        var member = await MemberAsync("13812345678");

        (await phone.GetAsync("/q/read-groups")).Dispose();
        (await _factory.Phone().GetAsync("/q/read-groups")).Dispose();

        // The receipt's own scan, the phone's later scan, a stranger's.
        Assert.Equal([member.Id, member.Id, (int?)null], (await ScansAsync()).Select(s => s.MemberId));
        using (var scope = Services.CreateScope())
        {
            var timeline = await scope.ServiceProvider.GetRequiredService<MemberTimelineService>().GetAsync(member.Id);
            Assert.Contains(timeline.Items, e => e.Kind == TimelineKind.ScanLinked && e.Text == "读书会活码");
            await scope.ServiceProvider.GetRequiredService<MemberService>().DeleteAsync(member.Id);
        }
        Assert.Equal([null, null, null], (await ScansAsync()).Select(s => s.MemberId));
    }

    [Fact]
    public async Task ALinkPreviewBot_CarryingTheCookies_IsNeverLinked()
    {
        var phone = _factory.Phone();
        using (var response = await SignUpAsync(phone, "王小明", "13812345678"))
        {
            await HtmlAssert.PageAsync(response, HttpStatusCode.OK);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/q/read-groups");
        request.Headers.TryAddWithoutValidation("User-Agent", "facebookexternalhit/1.1");
        phone.DefaultRequestHeaders.Remove("User-Agent");
        (await phone.SendAsync(request)).Dispose();

        var scan = Assert.Single(await ScansAsync(), s => s.Client == ClientKind.Bot);
        Assert.Equal(ScanOutcome.Bot, scan.Outcome);
        Assert.Null(scan.MemberId);
    }
}
