using System.Security.Cryptography;
using System.Globalization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Tree;
using CommunityPortal.Features.Seeding.Demo;
using CommunityPortal.Features.Users;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

using CommunityPortal.Infrastructure.Admin;
namespace CommunityPortal.Features.Seeding.Demo;

/// <summary>
/// `admin seed-demo`: fills an empty matrix with a realistic Chinese demo through the matrix services, so every rule
/// they enforce holds for the demo too. Refuses when the matrix already has data (not idempotent on purpose: it never
/// mixes demo groups into a real team's matrix).
/// </summary>
public sealed class SeedDemoCommand : IAdminCommand
{
    public string Name => "seed-demo";

    public const int MaxMembers = 2_000_000;

    public string Usage => "[--members N]";

    public string Description =>
        "Fills an EMPTY matrix with a Chinese demo: 3 themes, 5 series, 14 periods (ended, running,\n" +
        "planned) with 福利/核心/流通 groups, plus 5 long-term groups. Group owners are 3 demo operators\n" +
        "(xiaoli/xiaowang/xiaozhang@example.com), created with random passwords printed once, or reused.\n" +
        "Needs an Admin first (open /setup or run create-user --role Admin). Refuses (exit 1) when the\n" +
        "matrix already has themes or groups.\n" +
        "--members N also adds N demo members (tags, channels, a few service records, group stays that match\n" +
        "the groups' member counts) with raw batched inserts, e.g. 200000 for the member-search benchmark;\n" +
        "with --members an existing matrix is kept and only members are added.";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken ct)
    {
        var options = CliArguments.Parse(args, ["members"]);
        var members = options.Optional("members") is { } value ? ParseMembers(value) : (int?)null;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;

        var tree = await sp.GetRequiredService<MatrixTreeService>().GetAsync(includeArchived: true, ct);
        if (tree.Themes.Count > 0 || tree.StandaloneGroups.Count > 0)
        {
            if (members is { } onlyMembers)
            {
                output.WriteLine($"The matrix already has data ({tree.Themes.Count} themes, {tree.GroupCount} groups): adding members only.");
                await SeedMembersAsync(sp, onlyMembers, output, ct);
                return 0;
            }
            throw new CliRefusedException(
                $"the matrix already has data ({tree.Themes.Count} themes, {tree.GroupCount} groups); seed-demo only fills an empty matrix");
        }
        if ((await sp.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            throw new CliRefusedException(
                "create the first Admin before seeding (open /setup in a browser, or run `admin create-user --role Admin ...`): " +
                "seed-demo adds operators, and once any user exists /setup is gone");
        }

        var owners = await EnsureOperatorsAsync(sp, output, ct);
        var seeder = new DemoSeeder(sp, owners, DateOnly.FromDateTime(DateTime.Today));
        var counts = await seeder.SeedAsync(ct);
        // The groups' headcounts are numbers typed on each group, not member profiles: say so, or /members showing 0
        // after "7372 members" reads like a bug.
        output.WriteLine($"Seeded {counts.Themes} themes, {counts.Series} series, {counts.Activities} periods and {counts.Groups} groups " +
                         $"(their headcounts add up to {counts.Members}; no member profiles" +
                         (members is null ? " — add --members N for those)." : ")."));
        if (members is { } count)
        {
            await SeedMembersAsync(sp, count, output, ct);
        }
        return 0;
    }

    private static async Task SeedMembersAsync(IServiceProvider sp, int count, TextWriter output, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var seeded = await new DemoMembers(sp).SeedAsync(count, ct);
        output.WriteLine($"Seeded {seeded.Members} members (MemberNo {seeded.FirstMemberNo}-{seeded.LastMemberNo}) with {seeded.TagsOnMembers} tags, " +
                         $"{seeded.Memberships} group stays and {seeded.ServiceRecords} service records in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    private static int ParseMembers(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxMembers
            ? count
            : throw new CliUsageException($"--members must be a whole number from 1 to {MaxMembers}");

    private static async Task<IReadOnlyList<string>> EnsureOperatorsAsync(IServiceProvider sp, TextWriter output, CancellationToken ct)
    {
        var userManager = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = sp.GetRequiredService<UserAdminService>();
        var emails = new List<string>();
        foreach (var demo in DemoMatrix.Operators)
        {
            if (await userManager.FindByEmailAsync(demo.Email) is { } existing)
            {
                output.WriteLine($"Reusing user {existing.Email} ({existing.DisplayName}).");
            }
            else
            {
                var password = RandomPassword();
                await admin.CreateAsync(new NewUserInput { Email = demo.Email, DisplayName = demo.DisplayName, Password = password, Role = Roles.Operator }, ct);
                output.WriteLine($"Created operator {demo.Email} ({demo.DisplayName}) with password {password} (shown once).");
            }
            emails.Add(demo.Email);
        }
        return emails;
    }

    /// <summary>Lower-case letters and digits in groups, e.g. "kqmz-btre-4827": easy to read out, meets the password rules.</summary>
    internal static string RandomPassword() =>
        $"{RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 4)}-{RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz", 4)}-" +
        RandomNumberGenerator.GetString("23456789", 4);
}
