using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Components.Shared;
using System.Text;
using CommunityPortal.Features.Members.Blacklist;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Members.Export;
using CommunityPortal.Features.Members.Import;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Memberships;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Members.Segments;
using CommunityPortal.Features.Members.ServiceRecords;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members;

public static class MembersRegistration
{
    /// <summary>GET /members/export.csv?{the list's filter}: every matching member, streamed (managers and admins).</summary>
    public const string ExportPath = "/members/export.csv";

    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<AutoTags>();
        services.AddScoped<MemberService>();
        services.AddScoped<MemberQueryService>();
        services.AddScoped<MemberTimelineService>();
        services.AddScoped<TagService>();
        services.AddScoped<ServiceRecordService>();
        services.AddScoped<MembershipService>();
        services.AddSingleton<IGroupMembershipRecords, MembershipRecords>();
        services.AddSlot<GroupMembersPanel>(MatrixSlots.GroupPage, 20);
        // What other features tell Members (sign-ups: AddSignups registers them; timeline sources are a list): safe
        // defaults so Members also works alone, whatever the order of AddMembers and AddSignups.
        services.TryAddSingleton<IActivityParticipants, NoActivityParticipants>();
        services.TryAddScoped<IReportedSignups, NoReportedSignups>();
        // List
        services.AddScoped<SegmentService>();
        services.AddScoped<MemberCsvExport>();
        services.AddScoped<TagUsageService>();
        services.AddScoped<TagCommands>();
        // Profile
        services.AddScoped<ProfileAccess>();
        services.AddScoped<BlacklistQueryService>();
        services.AddScoped<MemberActions>();
        // API: /api/v1/members and /api/v1/events
        services.AddScoped<MemberEventIngestService>();
        services.AddScoped<MemberContactReader>();
        // Import: GBK files from Excel (code page 936 / GB18030) are not in .NET's default set of encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddScoped<MemberImportService>();
        services.AddScoped<MemberImporter>();
        services.AddSingleton<MemberImportJobs>();
        return services;
    }

    /// <summary>The CSV export, the import template and /api/v1/members and /events.</summary>
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapMembersApi();
        app.MapGet(ExportPath, (HttpContext http, MemberCsvExport export) =>
                Results.Stream(
                    body => export.WriteAsync(body, MemberListFilter.Parse(http.Request.QueryString.Value).ToFilter(), http.RequestAborted),
                    "text/csv; charset=utf-8",
                    MemberCsvExport.FileName(DateTime.UtcNow)))
            .RequireAuthorization(Policies.Manage)
            .ExcludeFromDescription();
        app.MapGet(MemberImportTemplate.Path, (IStringLocalizer<ImportText> text) =>
                TypedResults.File(MemberImportTemplate.Csv(text), "text/csv; charset=utf-8", text["Template.FileName"]))
            .RequireAuthorization(Policies.Manage)
            .ExcludeFromDescription();
        return app;
    }
}
