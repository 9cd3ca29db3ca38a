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
