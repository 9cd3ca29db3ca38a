using System.Text;
using CommunityPortal.Infrastructure.Security;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

public static class MemberImportRegistration
{
    public static IServiceCollection AddMemberImport(this IServiceCollection services)
    {
        // GBK files from Excel (code page 936 / GB18030) are not in .NET's default set of encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        services.AddScoped<MemberImportService>();
        services.AddScoped<MemberImporter>();
        services.AddSingleton<MemberImportJobs>();
        return services;
    }

    public static IEndpointRouteBuilder MapMemberImport(this IEndpointRouteBuilder app)
    {
        app.MapGet(MemberImportTemplate.Path, (IStringLocalizer<ImportText> text) =>
                TypedResults.File(MemberImportTemplate.Csv(text), "text/csv; charset=utf-8", text["Template.FileName"]))
            .RequireAuthorization(Policies.Manage)
            .ExcludeFromDescription();
        return app;
    }
}
