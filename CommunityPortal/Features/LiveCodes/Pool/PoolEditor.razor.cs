using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Components;
using CommunityPortal.Components.Shared;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Pool;

public partial class PoolEditor
{
    private IReadOnlyList<PoolRow> rows = [];
    private IReadOnlyDictionary<int, LiveCodeAlert> warnings = new Dictionary<int, LiveCodeAlert>();
    private GroupDto? picked;
    private string? message;
    private bool busy;
    private bool canEdit;

    [Inject] private LiveCodeService LiveCodes { get; set; } = default!;
    [Inject] private PoolAdvisor Advisor { get; set; } = default!;
    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private GroupQrService Qrs { get; set; } = default!;
    [Inject] private PortalDialogs Dialogs { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<LiveCodeText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<ValidationText> F { get; set; } = default!;
    [Inject] private IStringLocalizer<MatrixText> M { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>The code as loaded; its Version is what every change passes.</summary>
    [Parameter, EditorRequired]
    public LiveCodeDto Code { get; set; } = default!;

    /// <summary>Raised with the code as saved (or reloaded).</summary>
    [Parameter]
    public EventCallback<LiveCodeDto> CodeChanged { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthState is not null)
        {
            canEdit = (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Edit)).Succeeded;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        rows = await PoolRow.LoadAsync(Code, Groups, Qrs);
        // Routing was reloaded by the save that gave us this version: its figures are the ones scans are routed by.
        warnings = Advisor.RoomWarnings(Code.Id, Code.Name);
    }

    private async Task<IEnumerable<GroupDto>> SearchAsync(string? text, CancellationToken ct) =>
        await Advisor.CandidatesAsync(Code.Id, text, ct);

    private Task AddAsync() => picked is { } group ? ChangeAsync(() => LiveCodes.AddToPoolAsync(Code.Id, group.Id, null, Code.Version)) : Task.CompletedTask;

    private Task MoveAsync(PoolRow row, int index) => ChangeAsync(() => LiveCodes.MoveInPoolAsync(Code.Id, row.Entry.GroupId, index, Code.Version));

    private Task SetThresholdAsync(PoolRow row, int? threshold) =>
        ChangeAsync(() => LiveCodes.SetThresholdAsync(Code.Id, row.Entry.GroupId, threshold, Code.Version));

    private async Task RemoveAsync(PoolRow row)
    {
        if (await Dialogs.ConfirmAsync(T["Admin.Pool.Remove"], T["Admin.Pool.ConfirmRemove", row.Entry.GroupName], T["Admin.Pool.Remove"], danger: true))
        {
            await ChangeAsync(() => LiveCodes.RemoveFromPoolAsync(Code.Id, row.Entry.GroupId, Code.Version));
        }
    }

    private async Task ChangeAsync(Func<Task<LiveCodeDto>> change)
    {
        if (busy)
        {
            return;
        }
        busy = true;
        message = null;
        LiveCodeDto? saved = null;
        await AdminActions.TryAsync(async () => saved = await change(), m => message = m);
        busy = false;
        if (saved is not null)
        {
            picked = null;
            await CodeChanged.InvokeAsync(saved);
        }
    }

    private async Task ReloadAsync()
    {
        message = null;
        await AdminActions.TryAsync(async () => await CodeChanged.InvokeAsync(await LiveCodes.GetAsync(Code.Id)), m => message = m);
    }
}
