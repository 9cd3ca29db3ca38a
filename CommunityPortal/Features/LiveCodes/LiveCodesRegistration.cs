using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Fallback;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Features.LiveCodes;

public static class LiveCodesRegistration
{
    public static IServiceCollection AddLiveCodes(this IServiceCollection services)
    {
        services.AddSingleton<LiveCodeRoutingState>();
        services.AddSingleton<ILiveCodeRoutingState>(sp => sp.GetRequiredService<LiveCodeRoutingState>());
        services.AddSingleton<ScanFeed>();
        services.AddSingleton<IScanFeed>(sp => sp.GetRequiredService<ScanFeed>());
        services.AddSingleton<ScanWriter>();
        services.AddSingleton<IScanRecorder>(sp => sp.GetRequiredService<ScanWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<ScanWriter>());
        services.AddHostedService<LiveCodeEventHandler>();
        services.AddScoped<LiveCodeService>();
        services.AddScoped<ChannelService>();
        services.AddScoped<PoolAdvisor>();
        services.AddScoped<Stats.ScanStatsService>();
        services.AddSingleton<ScanPage>();
        services.AddLiveCodeAlerts();
        return services;
    }

    /// <summary>The public /q/{slug} scan page and /api/v1/livecodes (with its fallback image).</summary>
    public static IEndpointRouteBuilder MapLiveCodes(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapLiveCodesApi();
        api.MapLiveCodeFallbackImageApi();
        app.MapScanEndpoints();
        return app;
    }
}
