namespace CommunityPortal.Features.Matrix;

public static class MatrixRegistration
{
    public static IServiceCollection AddMatrix(this IServiceCollection services)
    {
        services.AddScoped<ThemeService>();
        services.AddScoped<SeriesService>();
        services.AddScoped<ActivityService>();
        services.AddScoped<GroupService>();
        services.AddScoped<GroupQueryService>();
        services.AddScoped<MatrixTreeService>();
        services.AddScoped<Components.MatrixCommands>();
        return services;
    }
}
