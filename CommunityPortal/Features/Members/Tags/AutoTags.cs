using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>
/// Behaviour tags the portal adds by itself (seeds/003 行为标签): the channel a member came from and each group they
/// joined. The tags live in two tag groups the portal keeps (AutoKey "channels" and "groups"), one tag per channel or
/// group (AutoKey "channel:{id}" / "group:{id}"), created on first use inside the caller's unit of work.
/// </summary>
public sealed class AutoTags(IStringLocalizer<MemberText> text)
{
    internal const string ChannelsGroupKey = "channels";
    internal const string GroupsGroupKey = "groups";

    internal static string ChannelKey(int channelId) => $"channel:{channelId}";

    internal static string GroupKey(int groupId) => $"group:{groupId}";

    /// <summary>Tags the member with the channel; nothing when the channel is gone.</summary>
    internal async Task TagChannelAsync(PortalDbContext db, int memberId, int channelId, DateTime at, CancellationToken ct)
    {
        if (await ChannelTagAsync(db, channelId, ct) is { } tag)
        {
            await MemberTagging.AddAsync(db, [memberId], tag, MemberActor.System, TagSource.Auto, at, ct);
        }
    }

    /// <summary>Tags the member with the group; nothing when the group is gone.</summary>
    internal async Task TagGroupAsync(PortalDbContext db, int memberId, int groupId, DateTime at, CancellationToken ct)
    {
        if (await GroupTagAsync(db, groupId, ct) is { } tag)
        {
            await MemberTagging.AddAsync(db, [memberId], tag, MemberActor.System, TagSource.Auto, at, ct);
        }
    }

    /// <summary>The channel's behaviour tag, made on first use; null when the channel does not exist.</summary>
    internal async Task<(int Id, string Name)?> ChannelTagAsync(PortalDbContext db, int channelId, CancellationToken ct)
    {
        var name = await db.Set<Channel>().Where(c => c.Id == channelId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : await EnsureTagAsync(db, ChannelsGroupKey, text["AutoGroup.Channels"], ChannelKey(channelId), name, ct);
    }

    /// <summary>The group's behaviour tag, made on first use; null when the group does not exist.</summary>
    internal async Task<(int Id, string Name)?> GroupTagAsync(PortalDbContext db, int groupId, CancellationToken ct)
    {
        var name = await db.Set<Group>().Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : await EnsureTagAsync(db, GroupsGroupKey, text["AutoGroup.Groups"], GroupKey(groupId), name, ct);
    }

    private static async Task<(int Id, string Name)> EnsureTagAsync(PortalDbContext db, string groupKey, string groupName,
        string tagKey, string tagName, CancellationToken ct)
    {
        var existing = await db.Set<Tag>().Where(t => t.AutoKey == tagKey).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return (existing.Id, existing.Name);
        }
        var groupId = await db.Set<TagGroup>().Where(g => g.AutoKey == groupKey).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        if (groupId is null)
        {
            // An operator may have made a group of that name already: the portal's own then says which one it is.
            var name = await db.Set<TagGroup>().AnyAsync(g => g.Name == groupName, ct) ? Fit($"{groupName} ({groupKey})", TagGroup.NameMax) : groupName;
            var group = new TagGroup { Name = name, Kind = TagGroupKind.Behaviour, AutoKey = groupKey };
            db.Add(group);
            await db.SaveChangesAsync(ct);
            groupId = group.Id;
        }
        // Group names repeat across activities (every period has its 福利1群): the id tells them apart.
        var clash = await db.Set<Tag>().AnyAsync(t => t.TagGroupId == groupId && t.Name == tagName, ct);
        var suffix = $" #{tagKey[(tagKey.IndexOf(':') + 1)..]}";
        var tag = new Tag
        {
            TagGroupId = groupId.Value,
            Name = clash ? Fit(tagName, Tag.NameMax - suffix.Length) + suffix : Fit(tagName, Tag.NameMax),
            Colour = groupKey == ChannelsGroupKey ? "#8E24AA" : "#00897B",
            AutoKey = tagKey,
        };
        db.Add(tag);
        await db.SaveChangesAsync(ct);
        return (tag.Id, tag.Name);
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];
}
