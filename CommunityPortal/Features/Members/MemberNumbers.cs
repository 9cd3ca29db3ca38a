using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members;

/// <summary>The one-row counter behind member numbers: the last number given. It only ever goes up.</summary>
public sealed class MemberNumberCounter
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public int LastIssued { get; set; }
}

/// <summary>
/// Hands out member numbers (docs/adr/013-member-numbers.md): the counter row is bumped inside the caller's transaction,
/// so concurrent creates queue on that row (SQLite: the write lock of BEGIN IMMEDIATE; PostgreSQL: the row lock of the
/// UPDATE), a rolled-back create gives its number back, and a deleted member's number is never handed out again.
/// </summary>
internal static class MemberNumbers
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public static async Task<int> ReserveAsync(PortalDbContext db, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Member numbers are reserved inside the transaction that inserts the members.");
        }
        var updated = await db.Set<MemberNumberCounter>()
            .Where(c => c.Id == MemberNumberCounter.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastIssued, c => c.LastIssued + count), ct);
        if (updated != 1)
        {
            throw new InvalidOperationException("The member number counter row is missing (the migrations insert it: HasData in MemberNumberCounterConfiguration).");
        }
        var last = await db.Set<MemberNumberCounter>().AsNoTracking()
            .Where(c => c.Id == MemberNumberCounter.SingletonId).Select(c => c.LastIssued).SingleAsync(ct);
        return last - count + 1;
    }
}
