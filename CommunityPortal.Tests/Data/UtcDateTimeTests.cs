using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Data;

public sealed class UtcDateTimeTests : IAsyncLifetime
{
    private readonly PortalDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task DateTimes_ComeBackFromTheDatabase_AsUtc_NullableOnesToo()
    {
        var used = new DateTime(2026, 11, 22, 8, 30, 0, DateTimeKind.Utc);
        await using (var db = _database.CreateDbContext())
        {
            db.Add(new Theme { Name = "读书会" });
            db.Add(new ApiKey { Name = "k", Role = "Viewer", KeyHash = "h", Prefix = "p", CreatedAt = used, LastUsedAt = used });
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateDbContext();
        var theme = await read.Set<Theme>().AsNoTracking().SingleAsync();
        var key = await read.Set<ApiKey>().AsNoTracking().SingleAsync();

        Assert.Equal(DateTimeKind.Utc, theme.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, key.CreatedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, key.LastUsedAt!.Value.Kind);
        Assert.Equal(used, key.LastUsedAt.Value);
    }
}
