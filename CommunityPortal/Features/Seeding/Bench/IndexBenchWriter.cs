using System.Diagnostics;
using CommunityPortal.Data;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>
/// Writes an index bench plan with BatchInsert.InsertAllAsync (columns and converters from the EF model, no change
/// tracking): the matrix in one transaction, then the members and each table of facts in time order, a transaction
/// per <see cref="Chunk"/> rows. Prints a line per table as it is done.
/// </summary>
internal sealed class IndexBenchWriter(IDbContextFactory<PortalDbContext> factory, IndexBenchPlan plan, TextWriter output)
{
    private const int Chunk = 50_000;

    private readonly IndexBenchIds _ids = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public async Task WriteAsync(IReadOnlyList<string> owners, CancellationToken ct)
    {
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var groupCount = await IndexBenchMatrixWriter.WriteAsync(db, plan, _ids, owners, ct);
            await transaction.CommitAsync(ct);
            Progress("matrix", groupCount, $"groups in {plan.Matrix.Activities.Count} periods of {plan.Matrix.Series.Count} series, " +
                                           $"{plan.Matrix.Channels.Count} channels, {plan.Matrix.LiveCodes.Count} live codes");
        }
        await MembersAsync(ct);
        var rows = new IndexBenchRows(plan, _ids);
        await RowsAsync("GroupMemberships", plan.People.Stays, rows.Stay, ct);
        await RowsAsync("ActivitySignups", plan.People.Signups, rows.Signup, ct);
        await RowsAsync("Scans", plan.Traffic.Scans, rows.Scan, ct);
        await RowsAsync("MemberEvents", plan.Facts.Facts, rows.Fact, ct);
        await RowsAsync("ServiceRecords", plan.Facts.Records, rows.Record, ct);
    }

    /// <summary>Numbered through the one member counter, a chunk's numbers reserved in the transaction that inserts it.</summary>
    private async Task MembersAsync(CancellationToken ct)
    {
        var count = plan.People.Members.Count;
        (_ids.Members, _ids.MemberNos) = (new int[count], new int[count]);
        var rows = new IndexBenchRows(plan, _ids);
        for (var done = 0; done < count; done += Chunk)
        {
            var size = Math.Min(Chunk, count - done);
            await using var db = await OpenAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var first = await MemberNumbers.ReserveAsync(db, size, ct);
            await BatchInsert.InsertAllAsync(db, [.. Enumerable.Range(0, size).Select(i => rows.Member(done + i, first + i))], ct);
            var keys = await db.Set<Member>().Where(m => m.MemberNo >= first && m.MemberNo < first + size)
                .Select(m => new { m.MemberNo, m.Id }).ToListAsync(ct);
            foreach (var key in keys)
            {
                _ids.Members[done + key.MemberNo - first] = key.Id;
                _ids.MemberNos[done + key.MemberNo - first] = key.MemberNo;
            }
            await transaction.CommitAsync(ct);
        }
        Progress("Members", count, $"学号 {_ids.MemberNos.FirstOrDefault()}–{_ids.MemberNos.LastOrDefault()}");
    }

    private async Task RowsAsync<TPlanned, TEntity>(string table, IReadOnlyList<TPlanned> planned, Func<TPlanned, TEntity> toEntity, CancellationToken ct)
        where TEntity : class
    {
        for (var done = 0; done < planned.Count; done += Chunk)
        {
            var chunk = new List<TEntity>(Math.Min(Chunk, planned.Count - done));
            for (var i = done; i < done + chunk.Capacity; i++)
            {
                chunk.Add(toEntity(planned[i]));
            }
            await using var db = await OpenAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BatchInsert.InsertAllAsync(db, chunk, ct);
            await transaction.CommitAsync(ct);
        }
        Progress(table, planned.Count, null);
    }

    /// <summary>
    /// A context whose SQLite connection keeps 256 MB of pages in memory: the random visitor keys and member ids of
    /// millions of rows spread over the indexes, and the default 2 MB cache rereads their pages again and again.
    /// </summary>
    private async Task<PortalDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }
        return db;
    }

    private void Progress(string table, int rows, string? note) =>
        output.WriteLine(FormattableString.Invariant($"  {table,-16} {rows,10:N0}  {_watch.Elapsed.TotalSeconds,6:0.0} s") + (note is null ? "" : "  " + note));
}
