using System.Security.Claims;
using CommunityPortal.Infrastructure.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Features.Posters.Editor;

/// <summary>
/// Edits a poster; every valid change is stored as this user's draft, which the preview image and the download links
/// (plain GETs under /render/drafts/{id}) render. Errors show once a field was touched or a download pressed.
/// </summary>
public sealed partial class PosterEditorPage
{
    private readonly PosterEditorModel model = new();
    private readonly Guid draftId = Guid.NewGuid();
    private readonly FieldTouches touches = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> shown = new Dictionary<string, string[]>();
    private int version;
    private string? owner;

    [Inject] private PosterService Posters { get; set; } = default!;
    [Inject] private QrImageService Qr { get; set; } = default!;
    [Inject] private PosterDrafts Drafts { get; set; } = default!;
    [Inject] private PublicAddress Public { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Optional starting URL, e.g. when a live code's page links here with its channel URL.</summary>
    [SupplyParameterFromQuery(Name = "url")] public string? Url { get; set; }

    private bool Ready => errors.Count == 0;

    protected override async Task OnInitializedAsync()
    {
        owner = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        model.Spec.Title = T["Defaults.Title"];
        // No default subtitle: one line fits every topic only by saying nothing (see docs/adr/029).
        model.Spec.Url = Url ?? "";
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

    private Task RefreshAsync()
    {
        // The code carries the public address, also when the link was made from (or typed as) the browser's one.
        model.Spec.Url = PrintedAddress.For(model.Spec.Url, Public, Nav.BaseUri);
        errors = Posters.Validate(model.Spec)
            .Concat(Qr.Validate(model.Spec.QrRequest(model.QrSizePixels)).Where(e => e.Key == nameof(QrRequest.Size)))
            .GroupBy(e => e.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct().ToArray());
        shown = touches.Visible(errors);
        if (errors.Count == 0 && owner is not null)
        {
            Drafts.Put(draftId, owner, model.Spec, model.QrSizePixels);
            version++;
        }
        return Task.CompletedTask;
    }

    private string Link(string file, string? query = null) =>
        $"render/drafts/{draftId}/{file}?v={version}{(query is null ? "" : "&" + query)}";
}
