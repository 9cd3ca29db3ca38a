using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CommunityPortal.Components;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Posters;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Users;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CommunityPortal.Tests.Support;

/// <summary>
/// bUnit with every feature's real services over a fresh <see cref="PortalDatabase"/>, MudBlazor (PLATFORM.md recipe), and
/// a signed-in user (an operations manager by default: Read, Edit and Manage). A test class adds or replaces services in
/// <see cref="AddFeatureServices"/> (registered last, so a replacement wins).
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected PortalDatabase Database { get; } = new();

    protected BunitAuthorizationContext Auth { get; private set; } = default!;

    /// <summary>Portal:PublicBaseUrl for this test class; null: not set (codes carry the browser's address).</summary>
    protected virtual string? PublicBaseUrl => null;

    /// <summary>The public address as PublicAddress reads it at the first render (a test may set it before rendering).</summary>
    protected PublicAddressOptions PublicAddressSetting { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Database.Get<IDbContextFactory<PortalDbContext>>());
        Services.AddSingleton(Database.Get<DomainEventBus>());
        Services.AddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<DomainEventBus>());
        Services.AddPortalLocalization();
        // Options bound to configuration (SOP's horizon …) take their defaults, as in an app with no such settings.
        Services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // The features whose components the pages carry (sign-in is bUnit's, so not AddUsers).
        Services.AddMatrix();
        Services.AddGroupQrs();
        Services.AddRendering(new ConfigurationBuilder().Build());
        Services.AddLiveCodes();
        Services.AddPosters();
        Services.AddMembers();
        Services.AddSignups();
        Services.AddSop();
        Services.AddScoped<UserDirectory>();
        AddFeatureServices(Services);
        PublicAddressSetting.PublicBaseUrl ??= PublicBaseUrl;
        Services.TryAddSingleton(_ => new PublicAddress(Options.Create(PublicAddressSetting)));
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

    /// <summary>Services a test class adds or replaces (a counting feed, a public address it sets).</summary>
    protected virtual void AddFeatureServices(IServiceCollection services)
    {
    }

    /// <summary>The services as the component sees them (same database).</summary>
    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected NavigationManager Nav => Get<NavigationManager>();

    /// <summary>Operators read Chinese: render and seed in zh-CN (dispose at the end of the test).</summary>
    protected static CultureScope Chinese() => new("zh-CN");

    protected void SignInAsViewer() => Auth.SetPolicies(Policies.Read);

    /// <summary>The signed-in user's display name is what the services record as the actor.</summary>
    protected void SignInAs(string displayName, params string[] policies)
    {
        Auth.SetAuthorized(displayName);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-" + displayName), new Claim(PortalClaimsPrincipalFactory.DisplayNameClaim, displayName));
        Auth.SetPolicies(policies);
    }

    protected void SignInAsOperator(string displayName = "小王") => SignInAs(displayName, Policies.Read, Policies.Edit);

    protected void SignInAsManager(string displayName = "李经理") => SignInAs(displayName, Policies.Read, Policies.Edit, Policies.Manage);

    /// <summary>The toasts shown so far, each as its text (a refusal: "not done" and the reason).</summary>
    protected IReadOnlyList<string> Notified => [.. Render<MudSnackbarProvider>().FindAll("[data-testid=toast]").Select(t => t.TextContent.Trim())];
}
