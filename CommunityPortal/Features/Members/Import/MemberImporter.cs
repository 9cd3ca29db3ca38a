using System.Diagnostics;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// Writes a previewed import as ONE transaction (docs/adr/015-member-import-one-transaction.md): cancelled or failed,
/// nothing of it is written — no member, no tag, no group stay, and the member number counter is where it was.
/// Everything that can be prepared is prepared before the transaction opens; inside it, the file is planned again
/// against the data as it now is (so a member created since the preview is never written twice), numbers are
/// reserved as one range, and rows go in by prepared statements, a chunk at a time, with progress after each chunk.
/// </summary>
public sealed class MemberImporter(
    IDbContextFactory<PortalDbContext> dbFactory,
    AutoTags autoTags,
    GroupService groups,
    IDomainEventPublisher publisher,
    IStringLocalizer<ImportText> text,
    ILogger<MemberImporter> logger)
{
    public const int ChunkSize = 1000;

    /// <summary>Imports the preview's new and updated rows; <paramref name="progress"/> gets the rows done so far.</summary>
    public async Task<ImportResult> ImportAsync(ImportPreview preview, MemberActor actor, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!preview.CanImport)
        {
            throw new ConflictException(text["Import.NotReady"]);
        }
        var started = Stopwatch.GetTimestamp();
        var rows = preview.Rows.Where(r => r.Action is RowAction.New or RowAction.Update).ToArray();
        var tagNames = preview.Reference.Tags.ToDictionary(t => t.Id, t => t.Name);
        var planner = new ImportPlanner(text);
        var now = DateTime.UtcNow;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // SQLite: BEGIN IMMEDIATE takes the write lock here and keeps it until the commit (the ADR's cost).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = Stopwatch.GetTimestamp();
        // The planner is pure: with the same reference data the plan is the same, and only changed data needs planning again.
        var reference = await ImportReference.LoadAsync(db, preview.File, ct);
        if (!reference.SameAs(preview.Reference) && !SamePlan(preview, planner.Plan(preview.File, reference, preview.Policy)))
        {
            throw new ConflictException(text["Import.Stale"]);
        }
        var newCount = rows.Count(r => r.Action == RowAction.New);
        var firstNo = newCount > 0 ? await MemberNumbers.ReserveAsync(db, newCount, ct) : (int?)null;
        var batchTag = await ImportBatchTag.CreateAsync(db, text, now, ct);
        await using var writer = new Writer(db, actor, now, tagNames, batchTag, text);
        await writer.PrepareAsync(rows, autoTags, ct);
        var done = 0;
        var next = firstNo ?? 0;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            next = await writer.WriteChunkAsync(chunk, next, ct);
            done += chunk.Length;
            progress?.Report(done);
        }
        foreach (var (groupId, capacity) in writer.GroupsJoined(reference))
        {
            var open = await db.Set<GroupMembership>().CountAsync(m => m.GroupId == groupId && m.LeftAt == null, ct);
            if (open > capacity)
            {
                throw new ConflictException(text["Import.Stale"]);
            }
            await groups.SetMemberCountAsync(db, groupId, open, ct);
        }
        ct.ThrowIfCancellationRequested();
        await transaction.CommitAsync(CancellationToken.None);
        var (elapsed, held) = (Stopwatch.GetElapsedTime(started), Stopwatch.GetElapsedTime(locked));
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Member import by {Actor}: {Created} created, {Updated} updated in {Elapsed} ms, write lock held {Locked} ms",
                actor.Name, newCount, rows.Length - newCount, (int)elapsed.TotalMilliseconds, (int)held.TotalMilliseconds);
        }
        // After the commit, as the DbContext does for tracked entities (ADR 005); the rows were written without tracking.
        publisher.Publish(writer.Events);
        return new ImportResult(newCount, rows.Length - newCount, preview.Skip, firstNo, firstNo + newCount - 1, batchTag.Id, batchTag.Name, elapsed, held);
    }

    /// <summary>The same rows doing the same things with the same members, tags, groups and channels.</summary>
    private static bool SamePlan(ImportPreview preview, ImportPreview fresh)
    {
        if (!fresh.CanImport || fresh.Rows.Count != preview.Rows.Count)
        {
            return false;
        }
        for (var i = 0; i < fresh.Rows.Count; i++)
        {
            var (a, b) = (preview.Rows[i], fresh.Rows[i]);
            if (a.Action != b.Action || a.Existing?.Id != b.Existing?.Id || a.GroupId != b.GroupId || a.ChannelId != b.ChannelId
                || !a.TagIds.SequenceEqual(b.TagIds))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The prepared statements and what one chunk of rows needs written.</summary>
    private sealed class Writer(PortalDbContext db, MemberActor actor, DateTime now, Dictionary<int, string> tagNames, (int Id, string Name) batchTag,
        IStringLocalizer<ImportText> text) : IAsyncDisposable
    {
        private readonly Dictionary<int, (int Id, string Name)> _channelTags = [];
        private readonly Dictionary<int, (int Id, string Name)> _groupTags = [];
        private readonly HashSet<int> _joinedGroups = [];
        private BatchInsert? _members;
        private PreparedCommand? _updates;
        private BatchInsert? _events;
        private BatchInsert? _stays;

        public List<IDomainEvent> Events { get; } = [];

        /// <summary>The behaviour tags of the channels and groups the rows name, made on first use, before the rows.</summary>
        public async Task PrepareAsync(IReadOnlyList<PlannedRow> rows, AutoTags autoTags, CancellationToken ct)
        {
            foreach (var channelId in rows.Select(r => r.ChannelId).OfType<int>().Distinct())
            {
                _channelTags[channelId] = await autoTags.ChannelTagAsync(db, channelId, ct) ?? throw new ConflictException(text["Import.Stale"]);
            }
            foreach (var groupId in rows.Select(r => r.GroupId).OfType<int>().Distinct())
            {
                _groupTags[groupId] = await autoTags.GroupTagAsync(db, groupId, ct) ?? throw new ConflictException(text["Import.Stale"]);
            }
            _members = BatchInsert.Prepare(db, "Members", "MemberNo", "UnionId", "Nickname", "RemarkName", "Phone", "Gender", "Region",
                "FirstChannelId", "GrowthLevel", "Status", "CreatedById", "CreatedByName", "Version", "CreatedAt", "UpdatedAt");
            _updates = PreparedCommand.Prepare(db,
                "UPDATE \"Members\" SET \"Nickname\" = @p1, \"RemarkName\" = @p2, \"Phone\" = @p3, \"UnionId\" = @p4, \"Gender\" = @p5, " +
                "\"Region\" = @p6, \"FirstChannelId\" = @p7, \"GrowthLevel\" = @p8, \"UpdatedAt\" = @p9, \"Version\" = \"Version\" + 1 WHERE \"Id\" = @p0", 10);
            _events = BatchInsert.Prepare(db, "MemberEvents", "MemberId", "Kind", "At", "RecordedAt", "ActorId", "ActorName", "Detail");
            _stays = BatchInsert.Prepare(db, "GroupMemberships", "MemberId", "GroupId", "JoinedAt", "LeftAt", "Source");
        }

        /// <summary>Writes the chunk's members, their tags and group stays; returns the next member number.</summary>
        public async Task<int> WriteChunkAsync(PlannedRow[] chunk, int nextNo, CancellationToken ct)
        {
            var ids = new int[chunk.Length];
            var channelFilled = new bool[chunk.Length];
            var firstNo = nextNo;
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                if (row.Action == RowAction.New)
                {
                    await _members!.RunAsync(ct, nextNo++, row.UnionId, row.Nickname, row.RemarkName, row.Phone, row.Gender ?? Gender.Unknown, row.Region,
                        row.ChannelId, row.GrowthLevel ?? GrowthLevel.C, MemberStatus.Active, actor.StoredId, actor.StoredName, 1, now, now);
                    channelFilled[i] = row.ChannelId is not null;
                }
            }
            if (nextNo > firstNo)
            {
                var byNo = await db.Set<Member>().AsNoTracking().Where(m => m.MemberNo >= firstNo && m.MemberNo < nextNo)
                    .Select(m => new { m.MemberNo, m.Id }).ToDictionaryAsync(m => m.MemberNo, m => m.Id, ct);
                for (int i = 0, no = firstNo; i < chunk.Length; i++)
                {
                    if (chunk[i].Action == RowAction.New)
                    {
                        ids[i] = byNo[no];
                        Events.Add(new MemberCreated(ids[i], no++, chunk[i].ChannelId));
                    }
                }
            }
            await UpdateAsync(chunk, ids, channelFilled, ct);
            await TagAsync(chunk, ids, channelFilled, ct);
            await JoinAsync(chunk, ids, ct);
            return nextNo;
        }

        /// <summary>Filled cells replace the member's values; empty ones keep them. The first channel is only ever filled in.</summary>
        private async Task UpdateAsync(PlannedRow[] chunk, int[] ids, bool[] channelFilled, CancellationToken ct)
        {
            var existingIds = chunk.Where(r => r.Action == RowAction.Update).Select(r => r.Existing!.Id).ToArray();
            if (existingIds.Length == 0)
            {
                return;
            }
            var current = await db.Set<Member>().AsNoTracking().Where(m => EF.Parameter(existingIds).Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                if (row.Action != RowAction.Update)
                {
                    continue;
                }
                ids[i] = row.Existing!.Id;
                var member = current.GetValueOrDefault(ids[i]) ?? throw new ConflictException(text["Import.Stale"]);
                var channelId = member.FirstChannelId ?? row.ChannelId;
                channelFilled[i] = member.FirstChannelId is null && row.ChannelId is not null;
                var level = row.GrowthLevel ?? member.GrowthLevel;
                var changed = await _updates!.RunAsync(ct, ids[i], row.Nickname, row.RemarkName ?? member.RemarkName, row.Phone ?? member.Phone,
                    row.UnionId ?? member.UnionId, row.Gender ?? member.Gender, row.Region ?? member.Region, channelId, level, now);
                if (changed != 1)
                {
                    throw new ConflictException(text["Import.Stale"]);
                }
                if (level != member.GrowthLevel)
                {
                    await _events!.RunAsync(ct, ids[i], MemberEventKind.GrowthChanged, now, now, actor.StoredId, actor.StoredName,
                        $"{member.GrowthLevel}→{level}");
                }
            }
        }

        /// <summary>The file's tags, the channel's behaviour tag, and the batch tag: through the tagging helpers, one tag at a time.</summary>
        private async Task TagAsync(PlannedRow[] chunk, int[] ids, bool[] channelFilled, CancellationToken ct)
        {
            var byTag = chunk.Select((row, i) => (row, i)).SelectMany(x => x.row.TagIds.Select(tagId => (tagId, id: ids[x.i]))).ToLookup(x => x.tagId, x => x.id);
            foreach (var tag in byTag)
            {
                await MemberTagging.AddAsync(db, [.. tag], (tag.Key, tagNames[tag.Key]), actor, TagSource.Bulk, now, ct);
            }
            var byChannel = chunk.Select((row, i) => (row, i)).Where(x => channelFilled[x.i]).ToLookup(x => x.row.ChannelId!.Value, x => ids[x.i]);
            foreach (var channel in byChannel)
            {
                await MemberTagging.AddAsync(db, [.. channel], _channelTags[channel.Key], MemberActor.System, TagSource.Auto, now, ct);
            }
            await MemberTagging.AddAsync(db, ids, batchTag, actor, TagSource.Bulk, now, ct);
        }

        /// <summary>Group stays as MembershipService records them (source CSV), with the group's behaviour tag; counts follow at the end.</summary>
        private async Task JoinAsync(PlannedRow[] chunk, int[] ids, CancellationToken ct)
        {
            foreach (var group in chunk.Select((row, i) => (row, i)).Where(x => x.row.GroupId is not null).ToLookup(x => x.row.GroupId!.Value, x => ids[x.i]))
            {
                var members = group.ToArray();
                var already = await db.Set<GroupMembership>()
                    .Where(m => m.GroupId == group.Key && m.LeftAt == null && EF.Parameter(members).Contains(m.MemberId)).Select(m => m.MemberId).ToListAsync(ct);
                var joining = members.Except(already).ToArray();
                foreach (var memberId in joining)
                {
                    await _stays!.RunAsync(ct, memberId, group.Key, now, null, MembershipSource.Csv);
                    Events.Add(new MemberJoinedGroup(memberId, group.Key, now));
                }
                if (joining.Length > 0)
                {
                    _joinedGroups.Add(group.Key);
                    await MemberTagging.AddAsync(db, joining, _groupTags[group.Key], MemberActor.System, TagSource.Auto, now, ct);
                }
            }
        }

        public IEnumerable<(int GroupId, int Capacity)> GroupsJoined(ImportReference reference) =>
            reference.Groups.Where(g => _joinedGroups.Contains(g.Id)).Select(g => (g.Id, g.Capacity));

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new IAsyncDisposable?[] { _members, _updates, _events, _stays })
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }
            (_members, _updates, _events, _stays) = (null, null, null, null);
        }
    }
}
