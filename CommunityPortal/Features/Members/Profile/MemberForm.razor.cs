using CommunityPortal.Components.Shared;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
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
    private IReadOnlyList<Option<int>> channels = [];

    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private ChannelService Channels { get; set; } = default!;
    [Inject] private ProfileAccess Access { get; set; } = default!;
    [Inject] private IStringLocalizer<MemberText> M { get; set; } = default!;
    [Inject] private IStringLocalizer<ProfileText> T { get; set; } = default!;

    /// <summary>The member to edit; null to create one.</summary>
    [Parameter]
    public MemberHeader? Member { get; set; }

    /// <summary>
    /// Set inside a dialog: the form renders no button of its own, and the dialog's Save submits it through the form
    /// attribute (MudDialog keeps its actions outside the form element).
    /// </summary>
    [Parameter]
    public string? FormId { get; set; }

    [Parameter]
    public EventCallback<MemberHeader> Saved { get; set; }

    /// <summary>A save started (true) or ended (false): the dialog's Save button follows it.</summary>
    [Parameter]
    public EventCallback<bool> BusyChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        channels = [.. (await Channels.ListAsync()).Select(c => new Option<int>(c.Id, c.Name))];
        await ShowAsync(Member);
    }

    private string? ChannelName(int? id) => channels.FirstOrDefault(c => c.Value == id)?.Text;

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
        await BusyChanged.InvokeAsync(true);
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
        await BusyChanged.InvokeAsync(false);
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
