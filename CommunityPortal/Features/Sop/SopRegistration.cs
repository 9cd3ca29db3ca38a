using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Calendar;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Sop.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Sop;

public static class SopRegistration
{
    public static IServiceCollection AddSop(this IServiceCollection services)
    {
        services.AddOptions<SopOptions>().BindConfiguration(SopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SopPlanValidator>();
        services.AddSingleton<SopPlanReader>();
        services.AddSingleton<SopPlanService>();
        services.AddSingleton<SopAssignmentService>();
        services.AddSingleton<SopGroupDirectory>();
        services.AddSingleton<SopMaterializer>();
        services.AddSingleton<SopTaskReader>();
        services.AddSingleton<SopTaskService>();
        services.AddSingleton<SopTemplateSeeder>();
        services.AddSingleton<Stats.SopStats>();
        services.AddHostedService<SopMaterializerService>();
        services.AddSopCalendar();
        return services;
    }

    public static IEndpointRouteBuilder MapSop(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        return app;
    }
}
