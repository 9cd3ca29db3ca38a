using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Indices.Aggregation;

public sealed record GroupInfo(int Id, string Name, GroupTier Tier, int ActivityId);

public sealed record ActivityInfo(int Id, string Name, int SeriesId, int PeriodNo, DateOnly StartDate);

public sealed record ChannelInfo(int Id, string Name, ChannelType Type, decimal? Cost);

/// <summary>
/// The matrix and the channels as the indices read them (current names, a group's activity and tier, an activity's
/// series): small, read again whenever the matrix or a channel changes (a cost, say) or a fact names an id not yet known.
/// </summary>
public sealed record IndexLookups(
    IReadOnlyDictionary<int, GroupInfo> Groups,
    IReadOnlyDictionary<int, ActivityInfo> Activities,
    IReadOnlyDictionary<int, string> Series,
    IReadOnlyDictionary<int, ChannelInfo> Channels,
    IReadOnlyDictionary<int, (int ChannelId, string Key)> ChannelCodes)
{
    public static readonly IndexLookups Empty = new(new Dictionary<int, GroupInfo>(), new Dictionary<int, ActivityInfo>(),
        new Dictionary<int, string>(), new Dictionary<int, ChannelInfo>(), new Dictionary<int, (int, string)>());

    /// <summary>The fact's activity: its own, else its group's (0: none).</summary>
    public int ActivityOf(in Fact fact) =>
        fact.ActivityId != 0 ? fact.ActivityId : fact.GroupId != 0 && Groups.TryGetValue(fact.GroupId, out var g) ? g.ActivityId : 0;

    public int SeriesOf(int activityId) => Activities.TryGetValue(activityId, out var a) ? a.SeriesId : 0;

    public static async Task<IndexLookups> LoadAsync(PortalDbContext db, CancellationToken ct)
    {
        var groups = await db.Set<Group>().AsNoTracking().Select(g => new GroupInfo(g.Id, g.Name, g.Tier, g.ActivityId ?? 0)).ToDictionaryAsync(g => g.Id, ct);
        var activities = await db.Set<Activity>().AsNoTracking()
            .Select(a => new ActivityInfo(a.Id, a.Name, a.SeriesId, a.PeriodNo, a.StartDate)).ToDictionaryAsync(a => a.Id, ct);
        var series = await db.Set<Series>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var channels = await db.Set<Channel>().AsNoTracking().Select(c => new ChannelInfo(c.Id, c.Name, c.Type, c.Cost)).ToDictionaryAsync(c => c.Id, ct);
        var codes = await db.Set<ChannelCode>().AsNoTracking().Select(c => new { c.Id, c.ChannelId, c.Key }).ToDictionaryAsync(c => c.Id, c => (c.ChannelId, c.Key), ct);
        return new(groups, activities, series, channels, codes);
    }
}
