using System.Security.Claims;
using CommunityPortal.Infrastructure.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// The choices of one QR download. Without a logo the link is a plain /render/qr.png|svg GET; a logo cannot travel
/// in a URL, so the choices are kept as a poster draft (PosterDrafts, like the poster editor's) and the link is
/// the draft's /render/drafts/{id}/qr.png|svg. The code carries the public address (<see cref="PrintedAddress"/>).
/// </summary>
public sealed partial class QrDownloadDialog
{
    private static readonly string[] Formats = ["png", "svg"];

    private readonly Guid draftId = Guid.NewGuid();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private int version;
    private string? owner;

    [Inject] private QrImageService Qr { get; set; } = default!;
    [Inject] private PosterDrafts Drafts { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;
    [Inject] private PublicAddress Public { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>The address to encode; one on this portal made from the browser's address is moved to the public one.</summary>
    [Parameter, EditorRequired] public string Url { get; set; } = "";

    private string PrintedUrl => PrintedAddress.For(Url, Public, Nav.BaseUri);

    private string Format { get; set; } = "png";
    private int Size { get; set; } = 1024;
    private QrLevel Level { get; set; } = QrLevel.M;
    private int Margin { get; set; } = 4;
    private byte[]? Logo { get; set; }

    private QrRequest Request => new(PrintedUrl, Size, (Logo is null ? Level : QrLevel.H).ToString(), Margin, Logo);

    private string FileName => $"qr-{Size}.{Format}";

    protected override async Task OnInitializedAsync()
    {
        owner = (await Authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);
        Refresh();
    }

    private bool Bad(string field) => errors.ContainsKey(field);

    private string? Message(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string LevelText(QrLevel level) => T["Level." + level];

    private void SetFormat(string format) => Set(() => Format = format);

    private void SetLogo(byte[]? logo) => Set(() => Logo = logo);

    private void Set(Action change)
    {
        change();
        Refresh();
    }

    private void Refresh()
    {
        errors = Qr.Validate(Request);
        if (errors.Count == 0 && Logo is not null && owner is not null)
        {
            var spec = new PosterSpec { Url = PrintedUrl, QrLevel = Request.Level, QrMargin = Margin, Logo = Logo };
            Drafts.Put(draftId, owner, spec, Size);
            version++;
        }
    }

    private string Link(string format) => Logo is null
        ? $"render/qr.{format}?url={Uri.EscapeDataString(PrintedUrl)}&size={Size}&level={Level}&margin={Margin}"
        : $"render/drafts/{draftId}/qr.{format}?v={version}";
}
