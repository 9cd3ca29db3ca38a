using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Components.Shared;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Timeline;
using CommunityPortal.Features.Signups.ForMatrix;
using CommunityPortal.Features.Signups.ForMembers;
using CommunityPortal.Features.Signups.Form;
using CommunityPortal.Features.Signups.List;
using CommunityPortal.Features.Signups.Public;

namespace CommunityPortal.Features.Signups;

public static class SignupsRegistration
{
    public static IServiceCollection AddSignups(this IServiceCollection services)
    {
        services.AddOptions<SignupOptions>().BindConfiguration(SignupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SignupFormService>();
        services.AddScoped<SignupService>();
        services.AddScoped<SignupListService>();
        services.AddScoped<SignupCsvExport>();
        services.AddSingleton<SignupTokens>();
        services.AddSingleton<SignupThrottle>();
        services.AddSingleton<ReceiptGroups>();
        services.AddSlot<SignupNodeLink>(MatrixSlots.ActivityActions, 10);
        // What Members asks of sign-ups (the member list's activity criterion, the timeline, reported sign-ups).
        services.Replace(ServiceDescriptor.Singleton<IActivityParticipants, ActivityParticipants>());
        services.AddSingleton<IMemberTimelineSource, SignupTimelineSource>();
        services.Replace(ServiceDescriptor.Scoped<IReportedSignups, ReportedSignups>());
        // What Matrix asks of sign-ups (an activity with sign-ups is archived, not deleted).
        services.Replace(ServiceDescriptor.Singleton<IActivityRecords, ActivitySignupRecords>());
        return services;
    }

    /// <summary>The public /s/{slug} form, the sign-ups CSV and /api/v1/activities/{id}/signups.</summary>
    public static IEndpointRouteBuilder MapSignups(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapSignupsApi();
        app.MapSignupEndpoints();
        // The sign-ups of one activity as CSV, streamed (managers and admins: the file holds full phone numbers).
        app.MapGet("/activities/{activityId:int}/signups.csv", async (int activityId, HttpContext http, SignupCsvExport export) =>
                await export.QuestionsAsync(activityId, http.RequestAborted) is { } questions
                    ? Results.Stream(body => export.WriteAsync(body, activityId, questions, http.RequestAborted), "text/csv; charset=utf-8",
                        SignupCsvExport.FileName(activityId, DateTime.UtcNow))
                    : Results.NotFound())
            .RequireAuthorization(Policies.Manage)
            .ExcludeFromDescription();
        return app;
    }
}
