using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Members.Import;

public sealed record TagRef(int Id, string Name, string GroupName);

public sealed record GroupRef(int Id, string Name, GroupStatus Status, int Capacity, int OpenCount);

public sealed record ChannelRef(int Id, string Name);

/// <summary>
/// What a file is checked against, read in one go: tags, groups (with their open stays counted), channels, and the
/// members the file names by UnionID or phone. Lookups go through the unique indexes in chunks, so the cost follows
/// the file's size, not the number of members in the portal.
/// </summary>
public sealed class ImportReference
{
    /// <summary>Keys per lookup, sent as one JSON parameter (EF.Parameter; EF 10 would otherwise send one SQL parameter per key).</summary>
    private const int Chunk = 5000;

    public required IReadOnlyList<TagRef> Tags { get; init; }

    public required IReadOnlyList<GroupRef> Groups { get; init; }

    public required IReadOnlyList<ChannelRef> Channels { get; init; }

    public required IReadOnlyDictionary<string, ExistingMember> ByUnionId { get; init; }

    public required IReadOnlyDictionary<string, ExistingMember> ByPhone { get; init; }

    /// <summary>(member, group) for the named members' current stays: joining again changes nothing.</summary>
    public required IReadOnlySet<(int MemberId, int GroupId)> OpenStays { get; init; }

    /// <summary>
    /// True when a plan made with <paramref name="other"/> is the same as one made with this: the same tags, groups
    /// and channels by name, the named groups as full as they were, and each of the file's UnionIDs and phones naming
    /// the same member (or none).
    /// </summary>
    public bool SameAs(ImportReference other) =>
        Tags.OrderBy(t => t.Id).SequenceEqual(other.Tags.OrderBy(t => t.Id))
        && Channels.OrderBy(c => c.Id).SequenceEqual(other.Channels.OrderBy(c => c.Id))
        && Groups.OrderBy(g => g.Id).SequenceEqual(other.Groups.OrderBy(g => g.Id))
        && SameMembers(ByUnionId, other.ByUnionId) && SameMembers(ByPhone, other.ByPhone)
        && OpenStays.SetEquals(other.OpenStays);

    private static bool SameMembers(IReadOnlyDictionary<string, ExistingMember> a, IReadOnlyDictionary<string, ExistingMember> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var member) && member.Id == pair.Value.Id);

    internal static async Task<ImportReference> LoadAsync(PortalDbContext db, CsvMemberFile file, CancellationToken ct)
    {
        var tags = await db.Set<Tag>().AsNoTracking()
            .Select(t => new TagRef(t.Id, t.Name, t.TagGroup!.Name)).ToListAsync(ct);
        var channels = await db.Set<Channel>().AsNoTracking().Select(c => new ChannelRef(c.Id, c.Name)).ToListAsync(ct);
        var groups = await db.Set<Group>().AsNoTracking()
            .Select(g => new GroupRef(g.Id, g.Name, g.Status, g.Capacity, 0)).ToListAsync(ct);
        var named = NamedGroups(file, groups);
        var counts = named.Length == 0 ? [] : await db.Set<GroupMembership>().AsNoTracking()
            .Where(m => m.LeftAt == null && named.Contains(m.GroupId))
            .GroupBy(m => m.GroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        groups = [.. groups.Select(g => g with { OpenCount = counts.GetValueOrDefault(g.Id) })];

        var unionIds = Keys(file, ImportColumn.UnionId, v => MemberRules.IsUnionId(v) ? v : null);
        var phones = Keys(file, ImportColumn.Phone, MemberRules.NormalizePhone);
        var byUnion = new Dictionary<string, ExistingMember>(StringComparer.Ordinal);
        foreach (var chunk in unionIds.Chunk(Chunk))
        {
            foreach (var member in await Existing(db, m => EF.Parameter(chunk).Contains(m.UnionId!)).ToListAsync(ct))
            {
                byUnion[member.UnionId!] = member;
            }
        }
        var byPhone = new Dictionary<string, ExistingMember>(StringComparer.Ordinal);
        foreach (var chunk in phones.Chunk(Chunk))
        {
            foreach (var member in await Existing(db, m => EF.Parameter(chunk).Contains(m.Phone!)).ToListAsync(ct))
            {
                byPhone[member.Phone!] = member;
            }
        }
        var memberIds = byUnion.Values.Concat(byPhone.Values).Select(m => m.Id).Distinct().ToArray();
        var stays = new HashSet<(int, int)>();
        foreach (var chunk in memberIds.Chunk(Chunk))
        {
            var open = await db.Set<GroupMembership>().AsNoTracking()
                .Where(m => m.LeftAt == null && EF.Parameter(chunk).Contains(m.MemberId))
                .Select(m => new { m.MemberId, m.GroupId }).ToListAsync(ct);
            stays.UnionWith(open.Select(m => (m.MemberId, m.GroupId)));
        }
        return new ImportReference
        {
            Tags = tags, Groups = groups, Channels = channels, ByUnionId = byUnion, ByPhone = byPhone, OpenStays = stays,
        };
    }

    private static IQueryable<ExistingMember> Existing(PortalDbContext db, System.Linq.Expressions.Expression<Func<Member, bool>> which) =>
        db.Set<Member>().AsNoTracking().Where(which).Select(m => new ExistingMember(m.Id, m.MemberNo, m.Nickname, m.UnionId, m.Phone));

    private static string[] Keys(CsvMemberFile file, ImportColumn column, Func<string, string?> normalize) =>
        [.. file.Rows.Select(r => Text.Clean(r[column]) is { } v ? normalize(v) : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The ids of the groups the file's 群 cells may mean, so only those are counted.</summary>
    private static int[] NamedGroups(CsvMemberFile file, IReadOnlyList<GroupRef> groups)
    {
        var cells = file.Rows.Select(r => Text.Clean(r[ImportColumn.Group])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. groups.Where(g => cells.Contains(g.Name) || cells.Contains("#" + g.Id)).Select(g => g.Id)];
    }
}
