using System.Security.Claims;
using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Users;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Members.Profile;

/// <summary>bUnit over the real member services and the profile's helpers, signed in as a manager unless a test says otherwise.</summary>
public abstract class ProfileComponentTestBase : PortalComponentTestBase
{
    protected static readonly MemberActor Xiaowang = new("user-xiaowang", "小王");

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddLiveCodes();
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The signed-in user's display name is what the services record as the actor.</summary>
    protected void SignInAs(string displayName, params string[] policies)
    {
        Auth.SetAuthorized(displayName);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-" + displayName), new Claim(PortalClaimsPrincipalFactory.DisplayNameClaim, displayName));
        Auth.SetPolicies(policies);
    }

    protected void SignInAsOperator(string displayName = "小王") => SignInAs(displayName, Policies.Read, Policies.Edit);

    protected void SignInAsManager(string displayName = "李经理") => SignInAs(displayName, Policies.Read, Policies.Edit, Policies.Manage);

    protected Task<MemberHeader> SeedMemberAsync(string nickname = "王小明", string? phone = "13812345678", GrowthLevel level = GrowthLevel.C) =>
        Get<MemberService>().CreateAsync(new MemberInput { Nickname = nickname, Phone = phone, GrowthLevel = level }, Xiaowang);

    protected Task<GroupDto> SeedOpenGroupAsync(string name, int capacity = 200) =>
        Get<GroupService>().CreateAsync(new GroupInput { Name = name, Status = GroupStatus.Open, Capacity = capacity, Lifetime = GroupLifetime.LongTerm });

    protected async Task<TagDto> SeedTagAsync(string name, string group = "意向产品", string colour = "#E53935")
    {
        var tags = Get<TagService>();
        var groups = await tags.ListAsync();
        var tagGroup = groups.FirstOrDefault(g => g.Name == group) ?? await tags.CreateGroupAsync(new TagGroupInput { Name = group, Kind = TagGroupKind.Attribute });
        return await tags.CreateTagAsync(new TagInput { TagGroupId = tagGroup.Id, Name = name, Colour = colour });
    }

    /// <summary>The toasts shown so far, each as its text (a refusal: "not done" and the reason).</summary>
    protected IReadOnlyList<string> Notified => [.. Render<MudSnackbarProvider>().FindAll("[data-testid=toast]").Select(t => t.TextContent.Trim())];
}
