using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Tests.Features.Members;

namespace CommunityPortal.Tests.Features.LiveCodes;

/// <summary>bUnit over the real services (ComponentTest), with live-code seeding helpers.</summary>
public abstract class LiveCodeComponentTestBase : ComponentTest
{
    protected Task<GroupDto> SeedOpenGroupAsync(string name, int members = 10) => Services.OpenGroupAsync(name, memberCount: members);

    protected Task<LiveCodeDto> SeedLiveCodeAsync(string name = "读书会海报", string slug = "reading") =>
        Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = name, Slug = slug });
}
