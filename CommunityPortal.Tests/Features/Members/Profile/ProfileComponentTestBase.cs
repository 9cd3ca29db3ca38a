using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;

namespace CommunityPortal.Tests.Features.Members.Profile;

/// <summary>bUnit over the real services (ComponentTest), signed in as a manager unless a test says otherwise.</summary>
public abstract class ProfileComponentTestBase : ComponentTest
{
    protected static readonly MemberActor Xiaowang = MemberSeed.Xiaowang;

    protected Task<MemberHeader> SeedMemberAsync(string nickname = "王小明", string? phone = "13812345678", GrowthLevel level = GrowthLevel.C) =>
        Services.MemberAsync(nickname, phone, level: level);

    protected Task<GroupDto> SeedOpenGroupAsync(string name, int capacity = 200) => Services.OpenGroupAsync(name, capacity);

    protected Task<TagDto> SeedTagAsync(string name, string group = "意向产品", string colour = "#E53935") =>
        Services.TagAsync(name, group, colour: colour);
}
