using Bunit;
using CommunityPortal.Features.Indices.Dashboards;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using Bunit.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>bUnit over the dashboards with fake index queries and change signal (the aggregator is not part of these tests).</summary>
public abstract class DashboardTest : ComponentTest
{
    /// <summary>How long a test waits for a render: the first database read of a test can take a moment on a busy machine.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    protected FakeIndexQueries Queries { get; } = new();

    protected FakeIndexChanges Changes { get; } = new();

    protected FakeTimeProvider Clock { get; } = IndexSamples.Clock();

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddSingleton<IIndexQueries>(Queries);
        services.AddSingleton<IIndexChanges>(Changes);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddIndexDashboards();
    }

    /// <summary>Opens the page at an address (the filter is read from it), as a link would.</summary>
    public IRenderedComponent<ContainerFragment> OpenPage(Type page, string address)
    {
        Nav.NavigateTo(address);
        return Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });
    }
}
