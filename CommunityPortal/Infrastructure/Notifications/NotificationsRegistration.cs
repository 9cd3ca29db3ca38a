using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Infrastructure.Notifications;

public static class NotificationsRegistration
{
    /// <summary>The bell's center; sources come from the features (<see cref="AddNotificationSource{TSource}"/>).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddScoped<NotificationCenter>();
        return services;
    }

    /// <summary>
    /// Puts <typeparamref name="TSource"/>'s notifications into the top-bar bell, after those of sources registered before
    /// it when severity and time are equal. Scoped (one per circuit): keep shared state in a singleton it injects.
    /// </summary>
    public static IServiceCollection AddNotificationSource<TSource>(this IServiceCollection services)
        where TSource : class, INotificationSource
    {
        services.AddNotifications();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<INotificationSource, TSource>());
        return services;
    }
}
