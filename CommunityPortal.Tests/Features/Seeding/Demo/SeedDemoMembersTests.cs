using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Seeding.Demo;

public sealed class SeedDemoMembersTests : IDisposable
{
    private readonly PortalFactory factory = new();

    [Fact]
    public async Task SeedDemo_WithMembers_AddsNumberedMembersWhoseGroupStaysMatchTheGroupCounts_ThenAddsMoreOnASecondRun()
    {
        Assert.Equal(0, (await RunAsync("create-user", "--email", "boss@example.com", "--password", "secret-2026", "--role", "Admin")).Code);

        var (code, output, error) = await RunAsync("seed-demo", "--members", "1200");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.StartsWith("Seeded 1200 members (MemberNo 10001-11200)", output.TrimEnd().Split('\n')[^1]);
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        Assert.Equal(1200, (await sp.GetRequiredService<MemberQueryService>().QueryAsync(new MemberQuery())).TotalCount);
        await using (var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var stays = await db.Set<GroupMembership>().Where(m => m.LeftAt == null).GroupBy(m => m.GroupId)
                .Select(g => new { GroupId = g.Key, Count = g.Count() }).ToListAsync();
            var counts = await db.Set<Group>().ToDictionaryAsync(g => g.Id, g => g.MemberCount);
            Assert.NotEmpty(stays);
            Assert.All(stays, s => Assert.Equal(counts[s.GroupId], s.Count));
            Assert.True(await db.Set<MemberTag>().CountAsync() > 1200);
            Assert.Equal(1200, await db.Set<Member>().Select(m => m.MemberNo).Distinct().CountAsync());
        }
        var tagged = await sp.GetRequiredService<TagService>().ListAsync();
        Assert.Contains(tagged, g => g.Name == "兴趣" && g.Tags.Any(t => t.Name == "亲子阅读"));
        Assert.Contains(tagged, g => g.IsAuto && g.Kind == TagGroupKind.Behaviour);

        var (again, more, _) = await RunAsync("seed-demo", "--members", "10");

        Assert.Equal(0, again);
        Assert.Contains("adding members only", more);
        Assert.StartsWith("Seeded 10 members (MemberNo 11201-11210)", more.TrimEnd().Split('\n')[^1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    [InlineData("2000001")]
    public async Task SeedDemo_WithABadMemberCount_IsAUsageError(string count)
    {
        var (code, _, error) = await RunAsync("seed-demo", "--members", count);

        Assert.Equal(2, code);
        Assert.Contains("--members", error);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AdminCli.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => factory.Dispose();
}
