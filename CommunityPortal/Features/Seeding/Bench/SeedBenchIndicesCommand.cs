using System.Diagnostics;
using System.Globalization;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Admin;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>
/// `admin seed-bench-indices`: the history issue 11's index benchmarks run over — 200,000 members and about two
/// million operation events over six months, stored as the features store them (no table of its own). Only on an
/// empty database, so bench rows never mix with a team's data; the same seed and end give the same rows.
/// </summary>
public sealed class SeedBenchIndicesCommand : IAdminCommand
{
    public const int MaxMembers = 2_000_000;
    public const int DefaultMembers = 200_000;
    public const int DefaultDays = 180;
    public const int MinDays = 14;
    public const int MaxDays = 366;
    public const int DefaultSeed = 11;

    public string Name => "seed-bench-indices";

    public string Usage => "[--members N] [--days D] [--seed S] [--until YYYY-MM-DD]";

    public string Description =>
        $"Benchmark helper (issue 11, operation indices): fills an EMPTY database with N members (default {DefaultMembers})\n" +
        $"and about {IndexBenchFacts.EventsPerMember} operation events per member over the D days (default {DefaultDays}) before now, or\n" +
        "before the end of day --until (team time zone): 3 themes of 6 series with 6-8 periods each and their groups,\n" +
        "channels with costs, live codes with channel codes, then members, group joins and leaves (re-joins too),\n" +
        "sign-ups and check-ins, scans, activity and purchase events and service records, in time order.\n" +
        $"The same --seed (default {DefaultSeed}) and --until give the same data. Refuses (exit 1) when the database\n" +
        "already has members, scans, themes, groups, channels or live codes: point ConnectionStrings__Portal at a new file.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var options = CliArguments.Parse(args, ["members", "days", "seed", "until"]);
        var members = Number(options, "members", DefaultMembers, 1, MaxMembers);
        var days = Number(options, "days", DefaultDays, MinDays, MaxDays);
        var seed = Number(options, "seed", DefaultSeed, int.MinValue, int.MaxValue);
        var end = End(options.Optional("until"));
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var owners = await RefuseUnlessEmptyAsync(factory, ct);

        var watch = Stopwatch.StartNew();
        var plan = IndexBenchPlan.Create(new IndexBenchOptions(members, days, seed, end));
        var counts = plan.Count();
        output.WriteLine(FormattableString.Invariant(
            $"Planned {counts.Events:N0} events for {members:N0} members from {plan.Options.Start:u} to {end:u} in {watch.Elapsed.TotalSeconds:0.0} s:"));
        await new IndexBenchWriter(factory, plan, output).WriteAsync(owners, ct);
        output.WriteLine(
            FormattableString.Invariant($"Seeded {counts.Members:N0} members and {counts.Events:N0} events ({counts.Scans:N0} scans, {counts.Joins:N0} joins, ") +
            FormattableString.Invariant($"{counts.Leaves:N0} leaves, {counts.Signups:N0} sign-ups, {counts.CheckIns:N0} check-ins, ") +
            FormattableString.Invariant($"{counts.MemberEvents:N0} member events, {counts.ServiceRecords:N0} service records) in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    /// <summary>Refuses any database that holds a team's data; returns the users who may own the bench's groups.</summary>
    private static async Task<IReadOnlyList<string>> RefuseUnlessEmptyAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = new List<string>();
        async Task CountAsync<T>(string what) where T : class
        {
            if (await db.Set<T>().CountAsync(ct) is var count and > 0)
            {
                found.Add(FormattableString.Invariant($"{count} {what}"));
            }
        }
        await CountAsync<Member>("members");
        await CountAsync<Scan>("scans");
        await CountAsync<Theme>("themes");
        await CountAsync<Group>("groups");
        await CountAsync<Channel>("channels");
        await CountAsync<LiveCode>("live codes");
        if (found.Count > 0)
        {
            throw new CliRefusedException(
                $"seed-bench-indices only fills an empty database, and this one has {string.Join(", ", found)}; " +
                "point ConnectionStrings__Portal at a new SQLite file (bench data never mixes with a team's data)");
        }
        return await db.Users.OrderBy(u => u.Email).Select(u => u.Id).Take(5).ToListAsync(ct);
    }

    private static int Number(CliArguments options, string name, int fallback, int min, int max) =>
        options.Optional(name) is not { } value ? fallback
        : int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max ? number
        : throw new CliUsageException(FormattableString.Invariant($"--{name} must be a whole number from {min} to {max}"));

    /// <summary>The end of the window: the end of the --until day in the team's time zone (a day before today), or now.</summary>
    private static DateTime End(string? until)
    {
        var now = DateTime.UtcNow;
        if (until is null)
        {
            return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        return DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < today
            ? PortalTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue))
            : throw new CliUsageException("--until must be a day before today, as YYYY-MM-DD");
    }
}
