using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Indices.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPortal.Tests.Features.Indices.Wall;

/// <summary>bUnit over the wall's real services and database, with the indices faked and a clock the test moves.</summary>
public abstract class WallTest : ComponentTest
{
    protected FakeIndexQueries Queries { get; } = new();

    protected FakeIndexChanges Changes { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 3, 2, 20, 0, TimeSpan.Zero));

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddWall();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IIndexQueries>(Queries);
        services.AddSingleton<IIndexChanges>(Changes);
    }

    protected WallLinks Links => Get<WallLinks>();

    protected async Task<CreatedWallLink> LinkAsync(string name = "会议室大屏") => await Links.CreateAsync(name, "李经理");
}
