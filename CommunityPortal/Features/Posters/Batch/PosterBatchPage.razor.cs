using System.Security.Claims;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

using CommunityPortal.Features.Posters.Editor;
using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Features.Posters.Batch;

/// <summary>
/// 批量海报: one design for a live code and its channel codes (all chosen at first). Every valid change is kept as
/// this user's batch draft, which the preview (the first chosen code's page) and the PDF links under
/// /render/batches/{id} render: one page per chosen code, each captioned with its channel.
/// </summary>
public sealed partial class PosterBatchPage
{
    private readonly PosterEditorModel model = new();
    private readonly Guid draftId = Guid.NewGuid();
    private readonly HashSet<string> chosen = new(StringComparer.Ordinal);
    private PosterBatchSource? source;
    private string? missing;
    private readonly FieldTouches touches = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> shown = new Dictionary<string, string[]>();
    private int version;
    private string? owner;

    [Inject] private LiveCodePosterTargets Targets { get; set; } = default!;
    [Inject] private PosterBatchService Batch { get; set; } = default!;
    [Inject] private PosterBatchDrafts Drafts { get; set; } = default!;
    [Inject] private PublicAddress Public { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "livecode")] public int? LiveCode { get; set; }

    /// <summary>The chosen codes in the checklist's order.</summary>
    private List<PosterBatchTarget> Chosen => source?.Targets.Where(t => chosen.Contains(t.Key)).ToList() ?? [];

    private bool Ready => errors.Count == 0;

    protected override async Task OnInitializedAsync()
    {
        owner = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        model.Spec.Title = T["Defaults.Title"];
        if (LiveCode is not { } id)
        {
            missing = B["Error.NoLiveCode"];
            return;
        }
        try
        {
            // Printed codes carry the public address, not the one this browser used (Portal:PublicBaseUrl).
            source = await Targets.LoadAsync(id, Public.BaseFor(Nav.BaseUri));
        }
        catch (NotFoundException ex)
        {
            missing = ex.Message;
            return;
        }
        chosen.UnionWith(source.Targets.Select(t => t.Key));
        await RefreshAsync();
    }

    private Task ChangedAsync(string field)
    {
        touches.Touch(field);
        return RefreshAsync();
    }

    private void Touch(string field)
    {
        if (touches.Touch(field))
        {
            shown = touches.Visible(errors);
        }
    }

    private void ShowAllErrors()
    {
        touches.ShowAll();
        shown = touches.Visible(errors);
    }

    private Task ChooseAsync(string key, bool on)
    {
        touches.Touch(PosterBatchService.CodesField);
        if (on)
        {
            chosen.Add(key);
        }
        else
        {
            chosen.Remove(key);
        }
        return RefreshAsync();
    }

    private Task ChooseAllAsync(bool on)
    {
        touches.Touch(PosterBatchService.CodesField);
        chosen.Clear();
        if (on)
        {
            chosen.UnionWith(source?.Targets.Select(t => t.Key) ?? []);
        }
        return RefreshAsync();
    }

    private Task RefreshAsync()
    {
        if (source is null)
        {
            return Task.CompletedTask;
        }
        var picked = Chosen;
        errors = Batch.Validate(model.Spec, picked);
        shown = touches.Visible(errors);
        if (errors.Count == 0 && owner is not null)
        {
            Drafts.Put(draftId, owner, new PosterBatchDraft($"posters-{source.Slug}", model.Spec, picked));
            version++;
        }
        return Task.CompletedTask;
    }

    private string Link(string file, string? query = null) =>
        $"render/batches/{draftId}/{file}?v={version}{(query is null ? "" : "&" + query)}";
}
