using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityPortal.Features.Visitors;

/// <summary>
/// The browser cookies the public pages share: live codes (/q) and sign-ups (/s) both read and set them, so they belong
/// to neither feature. This module references no feature.
/// </summary>
public static class VisitorsRegistration
{
    public static IServiceCollection AddVisitors(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.TryAddSingleton<VisitorCookie>();
        services.TryAddSingleton<MemberCookie>();
        return services;
    }
}
