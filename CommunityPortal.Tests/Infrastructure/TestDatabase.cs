using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Infrastructure;

/// <summary>The matrix services over a real migrated SQLite file. Tests talk to services exactly as pages do.</summary>
public sealed class TestDatabase() : SqliteTestDatabase("")
{
    protected override void Register(IServiceCollection services, IConfiguration configuration) => services.AddMatrix();
}
