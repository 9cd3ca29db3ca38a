using CommunityPortal.Features.Seeding.Bench;
using CommunityPortal.Features.Seeding.Demo;
using CommunityPortal.Infrastructure.Admin;

namespace CommunityPortal.Features.Seeding;

/// <summary>
/// Demo and benchmark data, made only on request through the admin CLI: `admin seed-demo` (a realistic matrix and
/// members for trying the portal), `admin seed-bench-livecode` (the live codes bench/scan-bench.sh measures) and
/// `admin seed-bench-indices` (months of operation events for the index benchmarks of issue 11). Not
/// part of any operator's workflow; it reads every feature, and no feature reads it.
/// </summary>
public static class SeedingRegistration
{
    public static IServiceCollection AddSeeding(this IServiceCollection services)
    {
        services.AddAdminCommand<SeedDemoCommand>();
        services.AddAdminCommand<SeedBenchLiveCodeCommand>();
        services.AddAdminCommand<SeedBenchIndicesCommand>();
        return services;
    }
}
