using System.Data.Common;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.Memberships;
namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// Applies a batch of events-API items (POST /api/v1/events): group joins and leaves through
/// <see cref="MembershipService"/> (so group member counts and behaviour tags follow), activity and purchase facts as
/// <see cref="MemberEvent"/> rows, sign-ups through <see cref="IReportedSignups"/> (the sign-ups feature keeps them).
/// Every item gets its own outcome; a bad item never undoes a good one.
/// </summary>
/// <remarks>
/// First every item's fields are checked, then the members, groups and activities the batch names are read in a few
/// queries. The items then go in time order (stable by position, so a join and a later leave in one batch both apply)
/// through one transaction per <see cref="ChunkSize"/> items, each item inside a savepoint: a refused item rolls back
/// to it and the chunk goes on. Chunks keep SQLite's write lock short for the scans queueing behind it. The sender's
/// earlier client event ids are looked up inside the chunk's transaction, which on SQLite already holds the write
/// lock, so two copies of one batch sent at once still write everything once.
/// </remarks>
public sealed class MemberEventIngestService(
    IDbContextFactory<PortalDbContext> dbFactory,
    MembershipService memberships,
    IReportedSignups signups,
    IStringLocalizer<EventsText> text,
    IStringLocalizer<MemberText> memberText,
    IStringLocalizer<ValidationText> validationText)
{
    public const int MaxBatch = 1000;
    internal const int ChunkSize = 100;
    private const string Savepoint = "event_item";

    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<EventsText>(validationText, text);

    public async Task<EventBatchResult> ApplyAsync(IReadOnlyList<EventInput> items, MemberActor actor, CancellationToken ct = default)
    {
        if (items.Count > MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(items), items.Count, $"At most {MaxBatch} events per batch.");
        }
        var source = actor.StoredId ?? throw new ArgumentException("Events need a sender (an API key or a user).", nameof(actor));
        var results = new EventItemResult?[items.Count];
        var reader = new EventItemReader(Messages);
        var now = DateTime.UtcNow;
        var accepted = new List<ReadEvent>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (read, errors) = reader.Read(i, items[i], now);
            if (read is null)
            {
                results[i] = Error(items[i], errors);
            }
            else
            {
                accepted.Add(read);
            }
        }

        EventTargets targets;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            targets = await EventTargets.LoadAsync(db, accepted, ct);
        }
        var ready = new List<(ReadEvent Event, EventMember Member)>(accepted.Count);
        foreach (var item in accepted)
        {
            var errors = new ItemErrors(Messages);
            if (targets.Check(item, errors) is { } member)
            {
                ready.Add((item, member));
            }
            else
            {
                results[item.Position] = Error(items[item.Position], errors.List);
            }
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ready.OrderBy(r => r.Event.At).ThenBy(r => r.Event.Position).Chunk(ChunkSize))
        {
            await ApplyChunkAsync(chunk, targets, source, actor, applied, results, ct);
        }
        return new EventBatchResult([.. results.Select(r => r!)]);
    }

    private async Task ApplyChunkAsync((ReadEvent Event, EventMember Member)[] chunk, EventTargets targets, string source, MemberActor actor,
        HashSet<string> applied, EventItemResult?[] results, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Each item has its own savepoint; EF's extra one around every SaveChanges would only double the statements.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = chunk.Select(c => c.Event.ClientEventId).Distinct().ToArray();
        var received = (await db.Set<EventReceipt>().Where(r => r.Source == source && ids.Contains(r.ClientEventId)).Select(r => r.ClientEventId).ToListAsync(ct))
            .Concat(await db.Set<MemberEvent>().Where(e => e.Source == source && ids.Contains(e.ClientEventId!)).Select(e => e.ClientEventId!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        await using var writer = new EventRowWriter(db, source, actor);
        var factsOf = new HashSet<int>();
        foreach (var (item, member) in chunk)
        {
            if (received.Contains(item.ClientEventId) || applied.Contains(item.ClientEventId))
            {
                results[item.Position] = new EventItemResult(item.Index, item.ClientEventId, EventOutcome.Duplicate, member.Id, []);
                continue;
            }
            await transaction.CreateSavepointAsync(Savepoint, ct);
            try
            {
                var outcome = await ApplyOneAsync(db, writer, item, member, targets, actor, ct);
                await transaction.ReleaseSavepointAsync(Savepoint, ct);
                applied.Add(item.ClientEventId);
                if (item.Type is MemberEventType.Active or MemberEventType.Purchased)
                {
                    factsOf.Add(member.Id);
                }
                results[item.Position] = new EventItemResult(item.Index, item.ClientEventId, outcome, member.Id, []);
            }
            catch (PortalValidationException ex)
            {
                // The domain services refuse before they write (MembershipService: group full, left before joined).
                await UndoAsync(transaction, ct);
                results[item.Position] = new EventItemResult(item.Index, item.ClientEventId, EventOutcome.Error, member.Id,
                    [.. ex.Errors.SelectMany(e => e.Value.Select(m => new EventFieldError(WireField(e.Key), m)))]);
            }
            catch (DbException ex) when (ex.Message.Contains("FOREIGN KEY", StringComparison.OrdinalIgnoreCase))
            {
                // The member was deleted after the batch was checked.
                await UndoAsync(transaction, ct);
                results[item.Position] = new EventItemResult(item.Index, item.ClientEventId, EventOutcome.Error, member.Id,
                    [new EventFieldError("member", memberText["MemberNotFound"])]);
            }
            catch (AlreadyReceivedException)
            {
                await UndoAsync(transaction, ct);
                results[item.Position] = new EventItemResult(item.Index, item.ClientEventId, EventOutcome.Duplicate, member.Id, []);
            }
            finally
            {
                // Everything the item saved is in the database; a long batch must not track thousands of entities.
                db.ChangeTracker.Clear();
            }
        }
        if (factsOf.Count > 0)
        {
            // Activity and purchases are written by a prepared INSERT, which raises no entity event.
            db.PublishAfterCommit(new MemberFactsChanged([.. factsOf]));
        }
        await transaction.CommitAsync(ct);
    }

    private async Task<EventOutcome> ApplyOneAsync(PortalDbContext db, EventRowWriter writer, ReadEvent item, EventMember member, EventTargets targets, MemberActor actor,
        CancellationToken ct)
    {
        switch (item.Type)
        {
            case MemberEventType.JoinedGroup:
                await writer.ReceiptAsync(item, member, ct);
                return await memberships.JoinInAsync(db, member.Id, item.GroupId!.Value, MembershipSource.Api, item.At, ct)
                    ? EventOutcome.Created : EventOutcome.Unchanged;
            case MemberEventType.LeftGroup:
                await writer.ReceiptAsync(item, member, ct);
                return await memberships.LeaveInAsync(db, member.Id, item.GroupId!.Value, MembershipSource.Api, item.At, ct)
                    ? EventOutcome.Created : EventOutcome.Unchanged;
            case MemberEventType.SignedUp:
                await writer.ReceiptAsync(item, member, ct);
                return await signups.AddAsync(db, item.ActivityId!.Value, member.Id, item.At, actor, ct) ? EventOutcome.Created : EventOutcome.Unchanged;
            case MemberEventType.Active:
                await writer.FactAsync(item, member, MemberEventKind.Active, item.Detail, ct);
                return EventOutcome.Created;
            case MemberEventType.Purchased:
                await writer.FactAsync(item, member, MemberEventKind.Purchased, item.Detail, ct);
                return EventOutcome.Created;
            default:
                throw new ArgumentOutOfRangeException(nameof(item), item.Type, null);
        }
    }

    private static async Task UndoAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        await transaction.RollbackToSavepointAsync(Savepoint, ct);
        await transaction.ReleaseSavepointAsync(Savepoint, ct);
    }

    private static EventItemResult Error(EventInput input, IReadOnlyList<EventFieldError> errors) =>
        new(input.Index, input.ClientEventId, EventOutcome.Error, null, errors);

    /// <summary>The domain services name their C# fields ("GroupId", "At", "MemberId"); the client sent these.</summary>
    private static string WireField(string field) => field switch
    {
        "MemberId" => "member",
        _ => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field),
    };
}
