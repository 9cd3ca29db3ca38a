using Bunit;
using Bunit.TestDoubles;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Web;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CommunityPortal.Components;

namespace CommunityPortal.Tests.Infrastructure;

/// <summary>
/// bUnit with the app's real services over a fresh migrated SQLite file, MudBlazor (PLATFORM.md recipe), and a signed-in
/// user (an operations manager by default: Read, Edit and Manage). Feature bases add their own services.
/// </summary>
public abstract class PortalComponentTestBase : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected BunitAuthorizationContext Auth { get; private set; } = default!;

    /// <summary>Portal:PublicBaseUrl for this test class; null: not set (codes carry the browser's address).</summary>
    protected virtual string? PublicBaseUrl => null;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Database.Get<IDbContextFactory<PortalDbContext>>());
        Services.AddSingleton(Database.Get<DomainEventBus>());
        Services.AddPortalLocalization();
        Services.AddMatrix();
        // The group page carries the 群二维码 panel and the current members panel.
        Services.AddGroupQrs();
        Services.AddMembers();
        Services.AddScoped<UserDirectory>();
        AddFeatureServices(Services);
        Services.TryAddSingleton(new PublicAddress(Options.Create(new PublicAddressOptions { PublicBaseUrl = PublicBaseUrl })));
        Services.AddPortalUi();
        Auth = AddAuthorization();
        Auth.SetAuthorized("manager@example.com");
        Auth.SetPolicies(Policies.Read, Policies.Edit, Policies.Manage);
        SetRendererInfo(new RendererInfo("Server", true));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Services beyond the matrix and group QRs that a feature's components need.</summary>
    protected virtual void AddFeatureServices(IServiceCollection services)
    {
    }

    /// <summary>Operators read Chinese: render and seed in zh-CN (dispose at the end of the test).</summary>
    protected static CultureScope Chinese() => new("zh-CN");

    protected void SignInAsViewer() => Auth.SetPolicies(Policies.Read);
}
