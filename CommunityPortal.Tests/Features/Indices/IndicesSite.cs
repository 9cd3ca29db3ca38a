using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>
/// The app (API keys per role, an owner account) with the indices faked: the test sets the figures and fires the changes.
/// Until the aggregator and its queries exist, this is how the wall and the hub are driven end to end.
/// </summary>
public sealed class IndicesSite : PortalFactory
{
    public IndicesSite()
        : this(new FakeIndexQueries(), new FakeIndexChanges())
    {
    }

    private IndicesSite(FakeIndexQueries queries, FakeIndexChanges changes)
        : base(new() { ApiKeys = true, Services = services => services.AddIndexFakes(queries, changes) })
    {
        (Queries, Changes) = (queries, changes);
    }

    public FakeIndexQueries Queries { get; }

    public FakeIndexChanges Changes { get; }
}

public static class IndexFakeRegistration
{
    public static IServiceCollection AddIndexFakes(this IServiceCollection services, FakeIndexQueries queries, FakeIndexChanges changes) =>
        services.AddSingleton<IIndexQueries>(queries).AddSingleton<IIndexChanges>(changes);
}
