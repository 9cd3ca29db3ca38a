using Bunit;
using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CommunityPortal.Tests.Features.LiveCodes;

/// <summary>bUnit with the real matrix and live-code services over a fresh migrated SQLite file; signed in as a manager.</summary>
public abstract class LiveCodeComponentTestBase : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected Bunit.TestDoubles.BunitAuthorizationContext Auth { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Database.Get<IDbContextFactory<PortalDbContext>>());
        Services.AddPortalLocalization();
        Services.AddMatrix();
        Services.AddGroupQrs();
        Services.AddLiveCodes();
        Services.AddSingleton(Database.Get<DomainEventBus>());
        Services.AddScoped<UserDirectory>();
        Services.AddRadzenComponents();
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

    protected void SignInAsViewer() => Auth.SetPolicies(Policies.Read);

    protected static CultureScope Chinese() => new("zh-CN");

    /// <summary>The services as the component sees them (same database).</summary>
    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected Task<GroupDto> SeedOpenGroupAsync(string name, int members = 10) =>
        Get<GroupService>().CreateAsync(new GroupInput
        {
            Name = name,
            MemberCount = members,
            Capacity = 200,
            Status = GroupStatus.Open,
            Lifetime = GroupLifetime.LongTerm,
        });

    protected Task<LiveCodeDto> SeedLiveCodeAsync(string name = "读书会海报", string slug = "reading") =>
        Get<LiveCodeService>().CreateAsync(new LiveCodeInput { Name = name, Slug = slug });
}
