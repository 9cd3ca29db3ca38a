using Bunit;
using Bunit.TestDoubles;
using CommunityPortal.Common;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Localization;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using ThemeService = CommunityPortal.Features.Matrix.ThemeService;

namespace CommunityPortal.Tests.Features.Matrix;

/// <summary>
/// bUnit with the real matrix services over a fresh migrated SQLite file, Radzen, and a signed-in user
/// (an operations manager by default: Read, Edit and Manage).
/// </summary>
public abstract class MatrixComponentTestBase : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; } = new();

    protected BunitAuthorizationContext Auth { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(Database.Get<IDbContextFactory<PortalDbContext>>());
        Services.AddPortalLocalization();
        Services.AddMatrix();
        // The group page carries the 群二维码 panel.
        Services.AddGroupQrs();
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

    /// <summary>Operators read Chinese: render and seed in zh-CN (dispose at the end of the test).</summary>
    protected static CultureScope Chinese() => new("zh-CN");

    protected void SignInAsViewer() => Auth.SetPolicies(Policies.Read);

    protected T Get<T>() where T : notnull => Database.Get<T>();

    protected async Task<ActivityDto> SeedActivityAsync(string theme = "读书会", string series = "21天共读")
    {
        var t = await Get<ThemeService>().CreateAsync(new ThemeInput { Name = theme });
        var s = await Get<SeriesService>().CreateAsync(new SeriesInput { ThemeId = t.Id, Name = series });
        return await Get<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = s.Id,
            StartDate = new DateOnly(2026, 12, 1),
            EndDate = new DateOnly(2026, 12, 7),
        });
    }

    protected Task<GroupDto> SeedGroupAsync(int? activityId, string name, int members, int capacity = 200) =>
        Get<GroupService>().CreateAsync(new GroupInput
        {
            ActivityId = activityId,
            Name = name,
            MemberCount = members,
            Capacity = capacity,
            Lifetime = activityId is null ? GroupLifetime.LongTerm : GroupLifetime.Temporary,
        });
}
