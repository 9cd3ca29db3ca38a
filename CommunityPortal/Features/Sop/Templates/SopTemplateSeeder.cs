using System.Globalization;
using CommunityPortal.Data;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Sop.Templates;

/// <summary>
/// Adds each preloaded template once per language (zh-CN and en). A template someone edited or deleted is not brought
/// back: the seeder only adds what has never been added (unique TemplateKey + Culture).
/// </summary>
public sealed class SopTemplateSeeder(IDbContextFactory<PortalDbContext> dbFactory, SopPlanValidator validator, ILogger<SopTemplateSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var present = (await db.Set<SopPlan>().Where(p => p.TemplateKey != null).Select(p => new { p.TemplateKey, p.Culture }).ToListAsync(ct))
            .Select(p => (p.TemplateKey, p.Culture)).ToHashSet();
        var added = 0;
        foreach (var culture in PortalCultures.Supported)
        {
            foreach (var template in SopTemplates.All.Where(t => !present.Contains((t.Key, culture))))
            {
                var info = CultureInfo.GetCultureInfo(culture);
                var input = SopTemplates.Input(template, info);
                var (name, description, steps) = await validator.ValidateAsync(db, input, ct);
                var plan = new SopPlan
                {
                    Name = name, Description = description, Kind = input.Kind, IsTemplate = true, TemplateKey = template.Key, Culture = culture,
                    CurrentVersion = 1,
                };
                plan.Versions.Add(new SopPlanVersion { Number = 1, CreatedAt = DateTime.UtcNow, Steps = steps });
                db.Add(plan);
                added++;
            }
        }
        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("SOP templates preloaded: {Count}", added);
                }
            }
            catch (DbUpdateException)
            {
                // Another instance preloaded them at the same moment (unique TemplateKey + Culture): nothing to do.
                added = 0;
            }
        }
        return added;
    }
}
