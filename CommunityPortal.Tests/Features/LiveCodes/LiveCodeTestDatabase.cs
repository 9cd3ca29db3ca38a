using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes;

/// <summary>The matrix and live-code services over a migrated SQLite file; the hosted services are started on demand.</summary>
public sealed class LiveCodeTestDatabase() : SqliteTestDatabase("lc-")
{
    protected override void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMatrix();
        services.AddLiveCodes();
    }
}
