using System.Data.Common;
using CommunityPortal.Data;

namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// The rows that carry a client event id (receipts and member events), as prepared INSERTs inside a chunk's
/// transaction. Their unique (Source, ClientEventId) indexes name a copy that got in first (on PostgreSQL, which takes
/// no write lock up front): the item is then a duplicate (<see cref="AlreadyReceivedException"/>).
/// </summary>
internal sealed class EventRowWriter(PortalDbContext db, string source, MemberActor actor) : IAsyncDisposable
{
    private BatchInsert? _receipts;
    private BatchInsert? _facts;

    public Task ReceiptAsync(ReadEvent item, EventMember member, CancellationToken ct)
    {
        _receipts ??= BatchInsert.Prepare(db, "EventReceipts", "Source", "ClientEventId", "Type", "MemberId", "ReceivedAt");
        return RunAsync(_receipts, ct, source, item.ClientEventId, item.Type, member.Id, DateTime.UtcNow);
    }

    public Task FactAsync(ReadEvent item, EventMember member, MemberEventKind kind, string? detail, CancellationToken ct)
    {
        _facts ??= BatchInsert.Prepare(db, "MemberEvents", "MemberId", "Kind", "At", "RecordedAt", "ActorId", "ActorName", "GroupId",
            "ActivityId", "Amount", "Detail", "Source", "ClientEventId");
        return RunAsync(_facts, ct, member.Id, kind, item.At, DateTime.UtcNow, actor.StoredId, actor.StoredName, item.GroupId, item.ActivityId,
            item.Amount, detail is { Length: > MemberEvent.DetailMax } ? detail[..MemberEvent.DetailMax] : detail, source, item.ClientEventId);
    }

    private static async Task RunAsync(BatchInsert insert, CancellationToken ct, params object?[] values)
    {
        try
        {
            await insert.RunAsync(ct, values);
        }
        catch (DbException ex) when (ex.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            throw new AlreadyReceivedException();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_receipts is not null)
        {
            await _receipts.DisposeAsync();
        }
        if (_facts is not null)
        {
            await _facts.DisposeAsync();
        }
    }
}

/// <summary>The sender's client event id is in the database already.</summary>
internal sealed class AlreadyReceivedException : Exception;
