using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;

using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes;
namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>
/// `admin seed-bench-livecode`: for bench/scan-bench.sh only. Creates open groups with a (fake) current QR and a live
/// code over them; with --report, prints each pool group's assigned count against its threshold and exits 1 when any
/// group got more people than its threshold.
/// </summary>
public sealed class SeedBenchLiveCodeCommand : IAdminCommand
{
    public string Name => "seed-bench-livecode";

    public string Usage => "--slug S [--groups N] [--threshold T] [--report]";

    public string Description =>
        "Benchmark helper (bench/scan-bench.sh): creates N open groups with a QR and a live code S over them,\n" +
        "each with threshold T. With --report, checks that no group of S got more people than its threshold.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var options = CliArguments.Parse(args, ["slug", "groups", "threshold"], ["report"]);
        var slug = options.Required("slug");
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        if (options.Has("report"))
        {
            return await ReportAsync(factory, slug, output, ct);
        }
        var groups = int.Parse(options.Optional("groups") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var threshold = int.Parse(options.Optional("threshold") ?? "100000", System.Globalization.CultureInfo.InvariantCulture);

        await using var scope = services.CreateAsyncScope();
        var groupService = scope.ServiceProvider.GetRequiredService<GroupService>();
        var pool = new List<PoolEntryInput>();
        for (var i = 1; i <= groups; i++)
        {
            var group = await groupService.CreateAsync(new GroupInput
            {
                Name = $"{slug} 压测群 {i}", Status = GroupStatus.Open, Capacity = Group.MaxCapacity, Lifetime = GroupLifetime.LongTerm,
            }, ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Add(new GroupQr
            {
                GroupId = group.Id, Payload = $"https://weixin.qq.com/g/bench{group.Id}", Image = BenchImage(), ImageContentType = "image/png",
                UploadedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(7),
            });
            await db.SaveChangesAsync(ct);
            pool.Add(new PoolEntryInput(group.Id, threshold));
        }
        var live = scope.ServiceProvider.GetRequiredService<LiveCodeService>();
        var code = await live.CreateAsync(new LiveCodeInput { Name = "压测 " + slug, Slug = slug, LandingText = "benchmark" }, ct);
        await live.SetPoolAsync(code.Id, pool, code.Version, ct);
        output.WriteLine($"Live code /q/{slug}: {groups} groups, threshold {threshold} each.");
        return 0;
    }

    private static async Task<int> ReportAsync(IDbContextFactory<PortalDbContext> factory, string slug, TextWriter output, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var code = await db.Set<LiveCode>().AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.DefaultThreshold })
            .FirstOrDefaultAsync(ct) ?? throw new CliRefusedException($"no live code '{slug}'");
        var pool = await db.Set<LiveCodePoolEntry>().AsNoTracking().Where(e => e.LiveCodeId == code.Id).OrderBy(e => e.Position).ToListAsync(ct);
        var counts = await db.Set<Scan>().AsNoTracking().Where(s => s.LiveCodeId == code.Id)
            .GroupBy(s => new { s.GroupId, s.Outcome }).Select(g => new { g.Key.GroupId, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var over = false;
        foreach (var entry in pool)
        {
            var threshold = entry.Threshold ?? code.DefaultThreshold;
            var assigned = counts.Where(c => c.GroupId == entry.GroupId && c.Outcome == ScanOutcome.Assigned).Sum(c => c.Count);
            over |= assigned > threshold;
            output.WriteLine($"group {entry.GroupId}: assigned {assigned} / threshold {threshold}");
        }
        output.WriteLine($"scans {counts.Sum(c => c.Count)}, fallback {counts.Where(c => c.Outcome == ScanOutcome.Fallback).Sum(c => c.Count)}");
        output.WriteLine(over ? "OVER-ASSIGNED" : "over-assignment: 0");
        return over ? 1 : 0;
    }

    /// <summary>A 4 KB stand-in for the operator's screenshot: stored as an upload would be; the page draws the QR from the payload.</summary>
    private static byte[] BenchImage()
    {
        var bytes = new byte[4096];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }
}
