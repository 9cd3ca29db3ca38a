using CommunityPortal.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.LiveCodes.Alerts;

public static class LiveCodeAlertsRegistration
{
    /// <summary>After the routing state's loader, so the first evaluation sees every live code.</summary>
    public static IServiceCollection AddLiveCodeAlerts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveCodeAlertRules>();
        services.AddSingleton<LiveCodeNames>();
        services.AddSingleton<LiveCodeAlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveCodeAlertMonitor>());
        services.AddNotificationSource<LiveCodeAlertNotifications>();
        return services;
    }
}
