using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

/// <summary>Scans written straight into the table (as the scan writer does), at chosen times.</summary>
internal static class StatsSeed
{
    public static Scan Scan(int liveCodeId, DateTime utc, ScanOutcome outcome, string visitor, int? groupId = null, int? channelCodeId = null) => new()
    {
        LiveCodeId = liveCodeId,
        At = DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        Outcome = outcome,
        VisitorKey = visitor,
        GroupId = groupId,
        ChannelCodeId = channelCodeId,
        Client = outcome == ScanOutcome.Bot ? ClientKind.Bot : ClientKind.WeChatMobile,
    };

    public static async Task AddAsync(IServiceProvider services, params Scan[] scans)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.AddRange(scans);
        await db.SaveChangesAsync();
    }

    /// <summary>A UTC instant from Shanghai wall-clock time (UTC+8, no DST).</summary>
    public static DateTime Shanghai(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);
}
