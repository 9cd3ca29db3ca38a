using System.Net;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>What happens after the facts: blacklists, check-ins, a channel's final cost, first channels set late, today.</summary>
public sealed partial class IndexHistory
{
    /// <summary>5 stays blacklisted, 6 is blacklisted then let back, 7 is blacklisted (an event after it still arrives).</summary>
    private async Task BlacklistsAsync()
    {
        foreach (var member in (int[])[5, 6, 7])
        {
            await (await _manager.PostJsonAsync($"/api/v1/members/{Members[member].Id}/blacklist", new { reason = "广告" })).ReadAsync<MemberResponse>();
        }
        await (await _manager.DeleteAsync($"/api/v1/members/{Members[6].Id}/blacklist")).ReadAsync<MemberResponse>();
        await PostAsync([Event("active", RandomTime(2), 5)], _ => "created");
    }

    /// <summary>
    /// Check-ins today: two sign-ups of the current period (not 10's: nothing else may tell the indices about 10's linked
    /// scans), a reported one of the first period; one more is marked and cleared.
    /// </summary>
    private async Task CheckInsAsync()
    {
        var current = await SignupsAsync(Periods[0][2]);
        var first = await SignupsAsync(Periods[0][0]);
        foreach (var (activity, signup) in new[]
                 {
                     (Periods[0][2], current[Members[11].Id]), (Periods[0][2], current[Members[12].Id]), (Periods[0][0], first[Members[0].Id]),
                 })
        {
            await (await _operator.PutAsync($"/api/v1/activities/{activity}/signups/{signup}/checkin", null)).ReadAsync<SignupResponse>();
        }
        await (await _operator.PutAsync($"/api/v1/activities/{Periods[0][0]}/signups/{first[Members[1].Id]}/checkin", null)).ReadAsync<SignupResponse>();
        await (await _operator.DeleteAsync($"/api/v1/activities/{Periods[0][0]}/signups/{first[Members[1].Id]}/checkin")).ReadAsync<SignupResponse>();
    }

    private async Task<Dictionary<int, int>> SignupsAsync(int activity) =>
        (await (await _operator.GetAsync($"/api/v1/activities/{activity}/signups?take=200")).ReadAsync<PagedResult<SignupResponse>>())
            .Items.ToDictionary(s => s.MemberId, s => s.Id);

    /// <summary>
    /// B's final cost is known at the end of its run; 8 is given a first channel only now, 9 another one; and today
    /// someone is active and someone joins a group.
    /// </summary>
    private async Task LaterChangesAsync()
    {
        var b = await (await _manager.GetAsync($"/api/v1/channels/{Channels['B']}")).ReadAsync<ChannelResponse>();
        await (await _manager.PutJsonAsync($"/api/v1/channels/{b.Id}", new { b.Name, type = b.Type.ToString(), cost = 1800m, b.Version })).ReadAsync<ChannelResponse>();
        foreach (var (member, channel) in new[] { (8, 'C'), (9, 'B') })
        {
            var m = Members[member];
            Members[member] = await (await _operator.PutJsonAsync($"/api/v1/members/{m.Id}", new { firstChannelId = Channels[channel], m.Version }))
                .ReadAsync<MemberResponse>();
        }
        await PostAsync([Event("active", Wire(DateTime.UtcNow.AddMinutes(-3)), 3), Event("joinedGroup", Wire(DateTime.UtcNow.AddMinutes(-2)), 4, Groups[^1].Id)],
            _ => "created");
    }

    /// <summary>The filters every index is compared under: none, each series, period, channel and tier alone, and two together.</summary>
    public IEnumerable<IndexFilter> Filters(DateOnly from, DateOnly to)
    {
        var none = new IndexFilter(from, to);
        yield return none;
        foreach (var series in SeriesIds)
        {
            yield return none with { SeriesId = series };
        }
        foreach (var period in Periods.SelectMany(p => p))
        {
            yield return none with { ActivityId = period };
        }
        foreach (var channel in Channels.Values)
        {
            yield return none with { ChannelId = channel };
        }
        foreach (var tier in Enum.GetValues<GroupTier>())
        {
            yield return none with { Tier = tier };
        }
        yield return none with { SeriesId = SeriesIds[0], ChannelId = Channels['A'] };
        yield return none with { Tier = GroupTier.Core, ChannelId = Channels['B'] };
    }
}
