using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.Tree;
using CommunityPortal.Features.Users.Manage;
using Microsoft.Extensions.DependencyInjection;
using CommunityPortal.Tests.Infrastructure.Admin;

namespace CommunityPortal.Tests.Features.Seeding.Demo;

public sealed class SeedDemoCommandTests : IDisposable
{
    private readonly PortalFactory factory = new();

    [Fact]
    public async Task SeedDemo_NeedsAnAdmin_FillsAnEmptyMatrix_ThenRefusesASecondRun()
    {
        var (refused, _, why) = await RunAsync("seed-demo");
        Assert.Equal(1, refused);
        Assert.Contains("create the first Admin", why);

        Assert.Equal(0, (await RunAsync("create-user", "--email", "boss@example.com", "--password", "secret-2026", "--role", "Admin")).Code);
        var (code, output, error) = await RunAsync("seed-demo");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("Created operator", StringComparison.Ordinal) && l.Contains("password")));
        Assert.StartsWith("Seeded 3 themes, 5 series, 14 periods and 50 groups", output.TrimEnd().Split('\n')[^1]);
        // The groups' headcounts are not member profiles: the line says so, and how to get some.
        Assert.EndsWith("no member profiles — add --members N for those).", output.TrimEnd().Split('\n')[^1]);

        using var scope = factory.Services.CreateScope();
        var tree = await scope.ServiceProvider.GetRequiredService<MatrixTreeService>().GetAsync(includeArchived: true);
        Assert.Contains(tree.Themes, t => t.Name == "亲子阅读");
        var activities = tree.Themes.SelectMany(t => t.Series).SelectMany(s => s.Activities).ToList();
        Assert.Equal(
            [ActivityStatus.Planned, ActivityStatus.Running, ActivityStatus.Ended],
            activities.Select(a => a.Status).Distinct().Order());
        Assert.All(activities.Where(a => a.Status == ActivityStatus.Running), a =>
            Assert.True(a.StartDate <= DateOnly.FromDateTime(DateTime.Today) && a.EndDate >= DateOnly.FromDateTime(DateTime.Today)));
        Assert.Contains(activities.SelectMany(a => a.Groups), g => g.Name == "阅读营3期-福利1群" && g.Status == GroupStatus.Open);
        Assert.Equal(5, tree.StandaloneGroups.Count);

        var groups = await scope.ServiceProvider.GetRequiredService<GroupQueryService>().QueryAsync(new GroupQuery { IncludeArchived = true, Take = 200 });
        Assert.Equal(50, groups.TotalCount);
        Assert.All(groups.Items, g =>
        {
            Assert.InRange(g.MemberCount, 0, g.Capacity);
            Assert.EndsWith("@example.com", g.OwnerEmail);
            Assert.InRange(g.Rules.Count, 1, 3);
            Assert.False(string.IsNullOrWhiteSpace(g.WelcomeMessage));
            Assert.Contains(g.Labels, l => l.StartsWith("产品:", StringComparison.Ordinal) || l.StartsWith("城市:", StringComparison.Ordinal));
        });
        Assert.Equal([GroupTier.Welfare, GroupTier.Core, GroupTier.Circulation], groups.Items.Select(g => g.Tier).Distinct().Order());
        Assert.Contains(groups.Items, g => g.Lifetime == GroupLifetime.LongTerm && g.ActivityId is null);
        Assert.Contains(groups.Items, g => g.Status == GroupStatus.Full);
        Assert.Contains(groups.Items, g => g.Status == GroupStatus.Archived);

        var (again, _, refusal) = await RunAsync("seed-demo");
        Assert.Equal(1, again);
        Assert.Contains("already has data", refusal);
        var operators = await scope.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(new UserQuery { Search = "example.com" });
        Assert.Equal(4, operators.TotalCount);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AdminCli.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => factory.Dispose();
}
