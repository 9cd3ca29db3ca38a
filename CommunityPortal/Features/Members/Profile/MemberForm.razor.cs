using CommunityPortal.Components.Shared;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Profile;

public sealed partial class MemberForm
{
    private MemberInput? input;
    private LocalizedValidator? validator;
    private MemberHeader? shown;
    private string? maskedPhone;
    private string? message;
    private string? conflict;
    private bool busy;
    private IReadOnlyList<Option<Gender>> genders = [];
    private IReadOnlyList<Option<GrowthLevel>> levels = [];
    private IReadOnlyList<Option<int?>> channels = [];

    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private ChannelService Channels { get; set; } = default!;
    [Inject] private ProfileAccess Access { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberText> M { get; set; } = default!;
    [Inject] private IStringLocalizer<ProfileText> T { get; set; } = default!;

    /// <summary>The member to edit; null to create one.</summary>
    [Parameter]
    public MemberHeader? Member { get; set; }

    /// <summary>Inside a Radzen dialog: Save and Cancel buttons.</summary>
    [Parameter]
    public bool InDialog { get; set; }

    [Parameter]
    public EventCallback<MemberHeader> Saved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        genders = Option.All<Gender>(M.Label);
        levels = Option.All<GrowthLevel>(M.Label);
        channels = [.. (await Channels.ListAsync()).Select(c => new Option<int?>(c.Id, c.Name))];
        await ShowAsync(Member);
    }

    /// <summary>
    /// Only Managers read the full phone: for others the form shows it masked, and an untouched masked value keeps the
    /// stored number.
    /// </summary>
    private async Task ShowAsync(MemberHeader? member)
    {
        shown = member;
        input = member is null ? new MemberInput() : ProfileForms.ToInput(member);
        maskedPhone = null;
        if (member?.Phone is not null && !await Access.CanManageAsync())
        {
            maskedPhone = member.MaskedPhone;
            input.Phone = maskedPhone;
        }
    }

    private async Task SaveAsync()
    {
        if (input is null || !await Access.CanEditAsync())
        {
            message = T["NotAllowed"];
            return;
        }
        if (busy)
        {
            return;
        }
        busy = true;
        message = conflict = null;
        var phone = input.Phone;
        if (maskedPhone is not null && phone == maskedPhone)
        {
            input.Phone = shown!.Phone;
        }
        MemberHeader? saved = null;
        var actor = await Access.ActorAsync();
        await FormErrors.TryAsync(
            async () => saved = shown is null ? await Members.CreateAsync(input, actor) : await Members.UpdateAsync(shown.Id, input, shown.Version, actor),
            validator, m => message = m, m => conflict = m);
        input.Phone = phone;
        busy = false;
        if (saved is not null)
        {
            await Saved.InvokeAsync(saved);
        }
    }

    /// <summary>After a conflict: show what the other person saved (the unsaved changes are dropped, as the hint says).</summary>
    private async Task ReloadAsync()
    {
        if (shown is null)
        {
            return;
        }
        await FormErrors.TryAsync(async () =>
        {
            await ShowAsync(await Members.GetAsync(shown.Id));
            conflict = null;
        }, validator, m => message = m);
    }
}
