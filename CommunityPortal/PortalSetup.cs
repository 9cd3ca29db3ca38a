using CommunityPortal.Components.Account;
using CommunityPortal.Components;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Indices;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Posters;
using CommunityPortal.Features.Seeding;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Users.FirstRun;
using CommunityPortal.Features.Users;
using CommunityPortal.Features.Visitors;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.ApiKeys;
using CommunityPortal.Infrastructure.Health;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Notifications;
using CommunityPortal.Infrastructure.Rendering;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CommunityPortal;

/// <summary>The composition root: each feature registers itself through its own AddXxx/MapXxx.</summary>
public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        PortalTime.Configure(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Write Chinese as UTF-8 text, not &#x...; entities: prerendered pages are about a third the size.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddPortalUi();
        services.AddPublicAddress();
        services.AddPortalLocalization();
        services.AddPortalDatabase(configuration);
        services.AddPortalDataProtection(configuration);
        services.AddUsers();
        services.AddApiKeys();
        services.AddPortalApi();
        services.AddPortalHealth();
        services.AddNotifications();
        services.AddMatrix();
        services.AddGroupQrs();
        services.AddRendering(configuration);
        services.AddVisitors();
        services.AddLiveCodes();
        services.AddPosters();
        services.AddMembers();
        services.AddSignups();
        services.AddSop();
        services.AddIndices();
        services.AddSeeding();
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAuthentication();
        // Before authorization: with no user yet, a page must go to /setup, not to the sign-in page.
        app.UseFirstRunSetup();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapCultureSwitch();
        app.MapPortalHealth();
        app.MapRendering();
        // Each feature maps its pages' endpoints and its part of /api/v1 (in this order in the OpenAPI document).
        var api = app.MapPortalApi();
        app.MapMatrix(api);
        app.MapGroupQrs(api);
        app.MapLiveCodes(api);
        app.MapSignups(api);
        app.MapMembers(api);
        app.MapPosters(api);
        app.MapSop(api);
        app.MapIndices(api);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
