using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Signups;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>What a plan needs to know of a group: whether a rule matches it, when it opened, and its placeholder values.</summary>
public sealed record SopGroup(int Id, string Name, GroupTier Tier, GroupLifetime Lifetime, IReadOnlyList<string> Labels, int? ActivityId,
    string? Activity, int? SeriesId, string? Series, string? OwnerId, string? Owner, DateOnly? OpeningDay, DateTime CreatedAt,
    string? LiveCodeUrl, string? SignupUrl)
{
    public bool Matches(SopAssignment rule) =>
        rule.GroupId is { } id ? id == Id
            : (rule.Tier is null || rule.Tier == Tier)
            && (rule.Lifetime is null || rule.Lifetime == Lifetime)
            && (rule.SeriesId is null || rule.SeriesId == SeriesId)
            && (rule.ActivityId is null || rule.ActivityId == ActivityId)
            && (rule.Label is null || Labels.Contains(rule.Label, StringComparer.OrdinalIgnoreCase));
}

/// <summary>Loads the groups plans may apply to (not archived), with their owner, activity, series, live code and sign-up form.</summary>
public sealed class SopGroupDirectory(PublicAddress publicAddress, IServiceProvider services)
{
    public async Task<IReadOnlyList<SopGroup>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int>? groupIds, CancellationToken ct)
    {
        var groups = db.Set<Group>().AsNoTracking().Where(g => g.Status != GroupStatus.Archived);
        if (groupIds is not null)
        {
            groups = groups.Where(g => groupIds.Contains(g.Id));
        }
        var rows = await groups.Select(g => new
        {
            g.Id, g.Name, g.Tier, g.Lifetime, g.Labels, g.ActivityId, Activity = g.Activity != null ? g.Activity.Name : null,
            Start = g.Activity != null ? g.Activity.StartDate : (DateOnly?)null,
            SeriesId = g.Activity != null ? g.Activity.SeriesId : (int?)null,
            Series = g.Activity != null && g.Activity.Series != null ? g.Activity.Series.Name : null,
            g.OwnerId, Owner = g.Owner != null ? g.Owner.DisplayName ?? g.Owner.Email : null, g.OpenedAt, g.CreatedAt,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // The first live code that routes to the group (lowest id), and the sign-up form of its activity.
        var liveCodes = (await (from e in db.Set<LiveCodePoolEntry>()
                                join c in db.Set<LiveCode>() on e.LiveCodeId equals c.Id
                                where ids.Contains(e.GroupId)
                                select new { e.GroupId, c.Id, c.Slug }).ToListAsync(ct))
            .GroupBy(x => x.GroupId).ToDictionary(g => g.Key, g => g.MinBy(x => x.Id)!.Slug);
        var activityIds = rows.Where(r => r.ActivityId is not null).Select(r => r.ActivityId!.Value).Distinct().ToList();
        var forms = await db.Set<SignupForm>().AsNoTracking().Where(f => activityIds.Contains(f.ActivityId))
            .ToDictionaryAsync(f => f.ActivityId, f => f.Slug, ct);
        var baseUrl = BaseUrl();
        return [.. rows.Select(r => new SopGroup(r.Id, r.Name, r.Tier, r.Lifetime, r.Labels, r.ActivityId, r.Activity, r.SeriesId, r.Series,
            r.OwnerId, r.Owner, r.OpenedAt is { } opened ? DateOnly.FromDateTime(PortalTime.ToLocal(opened)) : r.Start, r.CreatedAt,
            liveCodes.TryGetValue(r.Id, out var slug) ? LiveCodeLabels.ScanUrl(baseUrl, slug) : null,
            r.ActivityId is { } a && forms.TryGetValue(a, out var form) ? SignupLinks.PublicUrl(baseUrl, form) : null))];
    }

    /// <summary>The configured public address, else the address this server listens on (there is no request here).</summary>
    private string BaseUrl()
    {
        // No web server in the admin CLI and in some tests: then the portal's default address.
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080/";
        return publicAddress.BaseFor(listening.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost"));
    }
}
