using CommunityPortal.Components;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>标签体系: tag groups by kind (behaviour, growth, attribute) with their tags and how many members carry each.</summary>
public sealed partial class TagsPage
{
    private IReadOnlyList<TagGroupDto>? groups;
    private IReadOnlyDictionary<int, int> counts = new Dictionary<int, int>();
    private bool canEdit;

    [Inject] private TagService Tags { get; set; } = default!;
    [Inject] private TagUsageService Usage { get; set; } = default!;
    [Inject] private TagCommands Commands { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberListText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberText> M { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null)
        {
            canEdit = (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Edit)).Succeeded;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        counts = await Usage.MemberCountsAsync();
        groups = await Tags.ListAsync();
    }

    private async Task RunAsync(Task<bool> command)
    {
        if (await command)
        {
            await LoadAsync();
        }
    }
}
