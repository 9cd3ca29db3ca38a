using CommunityPortal.Features.Posters;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Features.Signups;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>The matrix, live-code, member and sign-up services over a migrated SQLite file; published events are collected.</summary>
public sealed class SignupTestDatabase() : SqliteTestDatabase("su-")
{
    protected override void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection();
        services.AddMatrix();
        services.AddRendering(configuration);
        services.AddPosters();
        services.AddLiveCodes();
        services.AddMembers();
        services.AddSignups();
    }
}
