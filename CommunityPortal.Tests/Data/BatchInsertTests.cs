using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Data;

public sealed class BatchInsertTests : DatabaseTest
{
    [Fact]
    public async Task InsertAllAsync_KeepsTheCreatedAtARowCarries_AndStampsRowsWithout()
    {
        var then = new DateTime(2026, 6, 1, 12, 30, 0, DateTimeKind.Utc);
        var before = DateTime.UtcNow;
        await using (var db = Database.CreateDbContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BatchInsert.InsertAllAsync(db, [new Theme { Name = "往期", CreatedAt = then }, new Theme { Name = "新建" }], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = Database.CreateDbContext();
        var themes = await read.Set<Theme>().AsNoTracking().ToDictionaryAsync(t => t.Name);
        Assert.Equal((then, then, 1), (themes["往期"].CreatedAt, themes["往期"].UpdatedAt, themes["往期"].Version));
        Assert.InRange(themes["新建"].CreatedAt, before, DateTime.UtcNow);
        Assert.Equal(themes["新建"].CreatedAt, themes["新建"].UpdatedAt);
        Assert.Equal(1, themes["新建"].Version);
    }
}
