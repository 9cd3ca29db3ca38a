using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>Members, tags, channels and groups made through the services, for database and component tests alike.</summary>
internal static class MemberSeed
{
    public static readonly MemberActor Xiaowang = new("user-xiaowang", "小王");

    public static Task<MemberHeader> MemberAsync(this IServiceProvider services, string nickname, string? phone = null, string? unionId = null,
        GrowthLevel level = GrowthLevel.C, int? channelId = null, MemberActor? actor = null) =>
        services.GetRequiredService<MemberService>().CreateAsync(new MemberInput
        {
            Nickname = nickname, Phone = phone, UnionId = unionId, GrowthLevel = level, FirstChannelId = channelId,
        }, actor ?? Xiaowang);

    /// <summary>A tag in the named group (made on first use); without a colour the tag takes the form's default.</summary>
    public static async Task<TagDto> TagAsync(this IServiceProvider services, string name, string group,
        TagGroupKind kind = TagGroupKind.Attribute, string? colour = null)
    {
        var tags = services.GetRequiredService<TagService>();
        var tagGroup = (await tags.ListAsync()).FirstOrDefault(g => g.Name == group)
            ?? await tags.CreateGroupAsync(new TagGroupInput { Name = group, Kind = kind });
        return await tags.CreateTagAsync(colour is null
            ? new TagInput { TagGroupId = tagGroup.Id, Name = name }
            : new TagInput { TagGroupId = tagGroup.Id, Name = name, Colour = colour });
    }

    public static async Task<int> ChannelAsync(this IServiceProvider services, string name) =>
        (await services.GetRequiredService<ChannelService>().CreateAsync(new ChannelInput { Name = name, Type = ChannelType.Article })).Id;

    /// <summary>An open long-term group (no activity).</summary>
    public static Task<GroupDto> OpenGroupAsync(this IServiceProvider services, string name, int capacity = 200, int memberCount = 0,
        GroupLifetime? lifetime = GroupLifetime.LongTerm) =>
        services.GetRequiredService<GroupService>().CreateAsync(lifetime is { } l
            ? new GroupInput { Name = name, Status = GroupStatus.Open, Capacity = capacity, MemberCount = memberCount, Lifetime = l }
            : new GroupInput { Name = name, Status = GroupStatus.Open, Capacity = capacity, MemberCount = memberCount });
}
