using CommunityPortal.Features.Sop;
using CommunityPortal;
using CommunityPortal.Data;
using CommunityPortal.Infrastructure.Admin;
using CommunityPortal.Features.Users;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContentRoot.Resolve() });
// Serve static web assets from the build output in every environment, not only Development
// (a published app has no runtime manifest, so this is a no-op there).
builder.WebHost.UseStaticWebAssets();
builder.Services.AddPortal(builder.Configuration);

if (AdminCli.IsAdminCommand(args))
{
    // Same binary, same configuration, no web server: like Django's manage.py.
    AdminCli.ConfigureLogging(builder.Logging);
    using var cliApp = builder.Build();
    return await AdminCli.RunAsync(cliApp.Services, args[1..], Console.Out, Console.Error);
}

var app = builder.Build();
try
{
    await app.Services.MigrateDatabaseAsync();
}
catch (DatabaseUpgradeRefusedException ex)
{
    // One clear line for whoever runs the server, not a stack trace; the file is untouched.
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
await app.Services.EnsureRolesAsync();
// Before the first request: a team opening the SOP templates right after the first start finds them there.
await app.Services.PreloadSopTemplatesAsync();
app.UsePortal();
await app.RunAsync();
return 0;

public partial class Program;
