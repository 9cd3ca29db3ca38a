using CommunityPortal.Components.Shared;
using MudBlazor;
using MudBlazor.Services;

namespace CommunityPortal.Components;

/// <summary>The portal's UI toolkit: MudBlazor with Chinese texts, toasts at the bottom right, and the shared dialogs.</summary>
public static class PortalUi
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddMudServices(options =>
        {
            // Bottom right: clear of page toolbars and of the profile's action buttons at the top (a phone moves them over the
            // app bar instead: app.css).
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = false;
            options.SnackbarConfiguration.MaxDisplayedSnackbars = 4;
            options.SnackbarConfiguration.ShowCloseIcon = true;
            options.SnackbarConfiguration.VisibleStateDuration = 4_000;
        });
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddScoped<PortalDialogs>();
        return services;
    }
}
