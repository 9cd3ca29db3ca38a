using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;

namespace CommunityPortal.Features.Members;

public static class MembersRegistration
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<AutoTags>();
        services.AddScoped<MemberService>();
        services.AddScoped<MemberQueryService>();
        services.AddScoped<MemberTimelineService>();
        services.AddScoped<TagService>();
        services.AddScoped<ServiceRecordService>();
        services.AddScoped<MembershipService>();
        return services;
    }
}
