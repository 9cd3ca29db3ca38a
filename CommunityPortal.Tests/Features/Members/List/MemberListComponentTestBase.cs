using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>bUnit over the real member services (PortalComponentTestBase), with quick ways to make members and tags.</summary>
public abstract class MemberListComponentTestBase : PortalComponentTestBase
{
    protected static readonly MemberActor Xiaowang = new("user-xiaowang", "小王");

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddLiveCodes();
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected NavigationManager Nav => Get<NavigationManager>();

    protected Task<MemberHeader> MemberAsync(string nickname, GrowthLevel level = GrowthLevel.C, string? phone = null, int? channelId = null) =>
        Get<MemberService>().CreateAsync(new MemberInput { Nickname = nickname, GrowthLevel = level, Phone = phone, FirstChannelId = channelId }, Xiaowang);

    protected async Task<TagDto> TagAsync(string name, string group = "意向", string colour = "#E53935")
    {
        var tags = Get<TagService>();
        var tagGroup = (await tags.ListAsync()).FirstOrDefault(g => g.Name == group)
            ?? await tags.CreateGroupAsync(new TagGroupInput { Name = group, Kind = TagGroupKind.Attribute });
        return await tags.CreateTagAsync(new TagInput { TagGroupId = tagGroup.Id, Name = name, Colour = colour });
    }

    protected Task TagMembersAsync(TagDto tag, params MemberHeader[] members) =>
        Get<TagService>().BulkAddAsync([.. members.Select(m => m.Id)], [tag.Id], Xiaowang);

    protected async Task<int> ChannelAsync(string name) =>
        (await Get<ChannelService>().CreateAsync(new ChannelInput { Name = name, Type = ChannelType.Article })).Id;

    protected async Task<IReadOnlyList<int>> TaggedMemberIdsAsync(int tagId) =>
        [.. (await Get<MemberQueryService>().QueryAsync(new MemberQuery { TagsAllOf = [tagId], Take = 200 })).Items.Select(m => m.Id).Order()];
}
