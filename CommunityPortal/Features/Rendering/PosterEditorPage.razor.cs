using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Rendering;

/// <summary>
/// Edits a poster; every valid change is stored as this user's draft, which the preview image and the
/// download links (plain GETs under /render/drafts/{id}) render.
/// </summary>
public sealed partial class PosterEditorPage
{
    private readonly PosterEditorModel model = new();
    private readonly Guid draftId = Guid.NewGuid();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private int version;
    private string? owner;

    [Inject] private PosterService Posters { get; set; } = default!;
    [Inject] private QrImageService Qr { get; set; } = default!;
    [Inject] private PosterDrafts Drafts { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Optional starting URL, e.g. when a live code's page links here with its channel URL.</summary>
    [SupplyParameterFromQuery(Name = "url")] public string? Url { get; set; }

    protected override async Task OnInitializedAsync()
    {
        owner = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        model.Spec.Title = T["Defaults.Title"];
        model.Spec.Subtitle = T["Defaults.Subtitle"];
        model.Spec.Url = Url ?? "";
        await RefreshAsync();
    }

    private Task RefreshAsync()
    {
        var found = Posters.Validate(model.Spec)
            .Concat(Qr.Validate(model.Spec.QrRequest(model.QrSizePixels)).Where(e => e.Key == nameof(QrRequest.Size)))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());
        errors = found;
        if (found.Count == 0 && owner is not null)
        {
            Drafts.Put(draftId, owner, model.Spec, model.QrSizePixels);
            version++;
        }
        return Task.CompletedTask;
    }

    private string Link(string file, string? query = null) =>
        $"render/drafts/{draftId}/{file}?v={version}{(query is null ? "" : "&" + query)}";
}
