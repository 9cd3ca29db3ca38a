using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes;

/// <summary>bUnit over the real matrix and live-code services (PortalComponentTestBase), with live-code seeding helpers.</summary>
public abstract class LiveCodeComponentTestBase : PortalComponentTestBase
{
    protected override void AddFeatureServices(IServiceCollection services) => services.AddLiveCodes();

    /// <summary>The services as the component sees them (same database).</summary>
    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected Task<GroupDto> SeedOpenGroupAsync(string name, int members = 10) =>
        Get<GroupService>().CreateAsync(new GroupInput
        {
            Name = name,
            MemberCount = members,
            Capacity = 200,
            Status = GroupStatus.Open,
            Lifetime = GroupLifetime.LongTerm,
        });

    protected Task<LiveCodeDto> SeedLiveCodeAsync(string name = "读书会海报", string slug = "reading") =>
        Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = name, Slug = slug });
}
