using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>The matrix, live-code and member services over a migrated SQLite file; published events are collected.</summary>
public sealed class MemberTestDatabase() : SqliteTestDatabase("mb-")
{
    protected override void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMatrix();
        services.AddLiveCodes();
        services.AddMembers();
    }
}
