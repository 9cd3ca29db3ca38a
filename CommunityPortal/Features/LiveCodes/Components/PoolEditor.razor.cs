using CommunityPortal.Components;
using CommunityPortal.Common;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Radzen;

namespace CommunityPortal.Features.LiveCodes.Components;

public partial class PoolEditor
{
    private IReadOnlyList<PoolRow> rows = [];
    private IReadOnlyList<GroupDto> candidates = [];
    private int? picked;
    private string? message;
    private bool busy;
    private bool canEdit;

    [Inject] private LiveCodeService LiveCodes { get; set; } = default!;
    [Inject] private GroupService Groups { get; set; } = default!;
    [Inject] private GroupQrService Qrs { get; set; } = default!;
    [Inject] private GroupQueryService GroupQuery { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
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
        await SearchAsync(new LoadDataArgs());
    }

    protected override async Task OnParametersSetAsync() => rows = await PoolRow.LoadAsync(Code, Groups, Qrs);

    private async Task SearchAsync(LoadDataArgs args)
    {
        var page = await GroupQuery.QueryAsync(new GroupQuery { Search = args.Filter, Status = GroupStatus.Open, Take = 20, SortBy = "name" });
        candidates = page.Items;
    }

    private Task AddAsync() => picked is { } id ? ChangeAsync(() => LiveCodes.AddToPoolAsync(Code.Id, id, null, Code.Version)) : Task.CompletedTask;

    private Task MoveAsync(PoolRow row, int index) => ChangeAsync(() => LiveCodes.MoveInPoolAsync(Code.Id, row.Entry.GroupId, index, Code.Version));

    private Task SetThresholdAsync(PoolRow row, int? threshold) =>
        ChangeAsync(() => LiveCodes.SetThresholdAsync(Code.Id, row.Entry.GroupId, threshold, Code.Version));

    private async Task RemoveAsync(PoolRow row)
    {
        var ok = await Dialogs.Confirm(T["Admin.Pool.ConfirmRemove", row.Entry.GroupName], T["Admin.Pool.Remove"], new ConfirmOptions
        {
            OkButtonText = T["Admin.Pool.Remove"],
            CancelButtonText = S["Cancel"],
            CloseDialogOnEsc = true,
        });
        if (ok == true)
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
