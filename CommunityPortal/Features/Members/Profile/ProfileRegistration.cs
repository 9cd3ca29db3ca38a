using CommunityPortal.Features.Members.Blacklist;

namespace CommunityPortal.Features.Members.Profile;

public static class ProfileRegistration
{
    /// <summary>The profile pages' helpers (the member services come from AddMembers).</summary>
    public static IServiceCollection AddMemberProfile(this IServiceCollection services)
    {
        services.AddScoped<ProfileAccess>();
        services.AddScoped<BlacklistQueryService>();
        services.AddScoped<MemberActions>();
        return services;
    }
}
