using CommunityPortal.Components.Shared;
using CommunityPortal.Features.Matrix;

namespace CommunityPortal.Features.Sop.Calendar;

public static class SopCalendarRegistration
{
    /// <summary>The calendar page's services, "my tasks today" on the home page and the SOP panel on the group page.</summary>
    public static IServiceCollection AddSopCalendar(this IServiceCollection services)
    {
        services.AddSingleton<SopCalendarService>();
        services.AddScoped<SopTaskOpener>();
        services.AddSlot<SopTodayCard>(ShellSlots.HomeWidgets, 10);
        services.AddSlot<SopGroupPanel>(MatrixSlots.GroupPage, 30);
        return services;
    }
}
