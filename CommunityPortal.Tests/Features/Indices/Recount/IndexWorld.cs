using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Recount;

public sealed record WorldGroup(int Id, string Name, GroupTier Tier, int? ActivityId);

public sealed record WorldActivity(int Id, string Name, int SeriesId, int PeriodNo, DateOnly StartDate);

public sealed record WorldChannel(int Id, string Name, ChannelType Type, decimal? Cost);

/// <summary>What the recount needs beside the export: the matrix (a group's tier and activity, an activity's series) and the channels' costs.</summary>
public sealed record IndexWorld(
    IReadOnlyDictionary<int, WorldGroup> Groups,
    IReadOnlyDictionary<int, WorldActivity> Activities,
    IReadOnlyDictionary<int, string> Series,
    IReadOnlyDictionary<int, WorldChannel> Channels)
{
    public static async Task<IndexWorld> LoadAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return new IndexWorld(
            await db.Set<Group>().AsNoTracking().ToDictionaryAsync(g => g.Id, g => new WorldGroup(g.Id, g.Name, g.Tier, g.ActivityId)),
            await db.Set<Activity>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => new WorldActivity(a.Id, a.Name, a.SeriesId, a.PeriodNo, a.StartDate)),
            await db.Set<Series>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name),
            await db.Set<Channel>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => new WorldChannel(c.Id, c.Name, c.Type, c.Cost)));
    }
}
