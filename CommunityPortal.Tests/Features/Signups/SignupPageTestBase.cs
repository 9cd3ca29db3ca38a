using CommunityPortal.Infrastructure.Web;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>bUnit for the operator pages with the services they use; the public address is unset unless a test sets it first.</summary>
public abstract class SignupPageTestBase : PortalComponentTestBase
{
    /// <summary>Read once, at the first render (PublicAddress keeps it).</summary>
    protected PublicAddressOptions PublicAddressSetting { get; } = new();

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddLiveCodes();
        services.AddMembers();
        services.AddSignups();
        services.AddSingleton(_ => new PublicAddress(Options.Create(PublicAddressSetting)));
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
