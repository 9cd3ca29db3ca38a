using CommunityPortal.Features.Matrix;
using CommunityPortal.Components.Shared;
using CommunityPortal.Infrastructure.Security;

namespace CommunityPortal.Features.GroupQrs;

public static class GroupQrsRegistration
{
    public static IServiceCollection AddGroupQrs(this IServiceCollection services)
    {
        services.AddSingleton<GroupQrReader>();
        services.AddScoped<GroupQrService>();
        services.AddSlot<GroupQrPanel>(MatrixSlots.GroupPage, 10);
        return services;
    }

    /// <summary>
    /// GET /groups/{id}/qr/{qrId}/image: the stored screenshot, for signed-in readers (the panel's img); /api/v1/groups/{id}/qr.
    /// </summary>
    public static IEndpointRouteBuilder MapGroupQrs(this IEndpointRouteBuilder endpoints, RouteGroupBuilder api)
    {
        api.MapGroupQrApi();
        endpoints.MapGet("/groups/{id:int}/qr/{qrId:int}/image", GroupQrImageEndpoint.GetAsync)
            .RequireAuthorization(Policies.Read)
            .ExcludeFromDescription();
        return endpoints;
    }
}
