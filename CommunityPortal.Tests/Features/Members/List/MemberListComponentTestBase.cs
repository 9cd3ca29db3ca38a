using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;

namespace CommunityPortal.Tests.Features.Members.List;

/// <summary>bUnit over the real services (ComponentTest), with quick ways to make members and tags.</summary>
public abstract class MemberListComponentTestBase : ComponentTest
{
    protected static readonly MemberActor Xiaowang = MemberSeed.Xiaowang;

    protected Task<MemberHeader> MemberAsync(string nickname, GrowthLevel level = GrowthLevel.C, string? phone = null, int? channelId = null) =>
        Services.MemberAsync(nickname, phone, level: level, channelId: channelId);

    protected Task<TagDto> TagAsync(string name, string group = "意向", string colour = "#E53935") =>
        Services.TagAsync(name, group, colour: colour);

    protected Task TagMembersAsync(TagDto tag, params MemberHeader[] members) =>
        Get<TagService>().BulkAddAsync([.. members.Select(m => m.Id)], [tag.Id], Xiaowang);

    protected Task<int> ChannelAsync(string name) => Services.ChannelAsync(name);

    protected async Task<IReadOnlyList<int>> TaggedMemberIdsAsync(int tagId) =>
        [.. (await Get<MemberQueryService>().QueryAsync(new MemberQuery { TagsAllOf = [tagId], Take = 200 })).Items.Select(m => m.Id).Order()];
}
