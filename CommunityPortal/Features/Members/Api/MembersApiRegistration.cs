using CommunityPortal.Features.Members.Events;

using CommunityPortal.Features.Members.Profile;
namespace CommunityPortal.Features.Members.Api;

public static class MembersApiRegistration
{
    /// <summary>The services behind /api/v1/members and /api/v1/events (the member services come from AddMembers).</summary>
    public static IServiceCollection AddMembersApi(this IServiceCollection services)
    {
        services.AddScoped<MemberEventIngestService>();
        services.AddScoped<MemberContactReader>();
        return services;
    }
}
