using CommunityPortal.Infrastructure.Security;

using CommunityPortal.Features.Members.Export;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Segments;
using CommunityPortal.Features.Members.Tags;
namespace CommunityPortal.Features.Members;

/// <summary>The member list's services (segments, CSV export, tag usage) and the export download.</summary>
public static class MemberListRegistration
{
    public static IServiceCollection AddMemberList(this IServiceCollection services)
    {
        services.AddScoped<SegmentService>();
        services.AddScoped<MemberCsvExport>();
        services.AddScoped<TagUsageService>();
        services.AddScoped<CommunityPortal.Features.Members.Tags.TagCommands>();
        return services;
    }

    /// <summary>GET /members/export.csv?{the list's filter}: every matching member, streamed (managers and admins).</summary>
    public static IEndpointRouteBuilder MapMemberList(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, (HttpContext http, MemberCsvExport export) =>
                Results.Stream(
                    body => export.WriteAsync(body, MemberListFilter.Parse(http.Request.QueryString.Value).ToFilter(), http.RequestAborted),
                    "text/csv; charset=utf-8",
                    MemberCsvExport.FileName(DateTime.UtcNow)))
            .RequireAuthorization(Policies.Manage)
            .ExcludeFromDescription();
        return endpoints;
    }

    public const string ExportPath = "/members/export.csv";
}
