using CommunityPortal.Features.Sop.Api;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Feed;
using CommunityPortal.Features.Sop.Calendar;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Reminders;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Sop.Templates;
using CommunityPortal.Infrastructure.Notifications;
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
        services.AddSingleton<SopFeedTokens>();
        services.AddSingleton<SopFeedCalendar>();
        services.AddHostedService<SopMaterializerService>();
        services.AddSingleton<SopReminderSignals>();
        services.AddSingleton<SopReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<SopReminderService>());
        services.AddNotificationSource<SopTaskNotifications>();
        services.AddSopCalendar();
        return services;
    }

    /// <summary>Adds the preloaded templates that were never added (at start, before the first request; ADR 033).</summary>
    public static async Task PreloadSopTemplatesAsync(this IServiceProvider services) =>
        await services.GetRequiredService<SopTemplateSeeder>().SeedAsync();

    /// <summary>/api/v1/sop/plans and /api/v1/sop/tasks; the calendar feed /sop/feed/{token}.ics.</summary>
    public static IEndpointRouteBuilder MapSop(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapSopPlansApi();
        api.MapSopTasksApi();
        app.MapSopFeed();
        return app;
    }
}
