namespace CommunityPortal.Features.Signups;

public static class SignupsRegistration
{
    public static IServiceCollection AddSignups(this IServiceCollection services)
    {
        services.AddOptions<SignupOptions>().BindConfiguration(SignupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SignupFormService>();
        services.AddScoped<SignupService>();
        services.AddScoped<SignupListService>();
        services.AddSingleton<SignupTokens>();
        services.AddSingleton<SignupThrottle>();
        services.AddSingleton<SignupPage>();
        return services;
    }

    public static IEndpointRouteBuilder MapSignups(this IEndpointRouteBuilder app)
    {
        app.MapSignupEndpoints();
        return app;
    }
}
