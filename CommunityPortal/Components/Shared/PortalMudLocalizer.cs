using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Components.Shared;

/// <summary>
/// MudBlazor's own texts (pager, pickers, grid filters, upload, dialog buttons) in the user's language: MudBlazor ships
/// English only and asks this localizer first. Keys are MudBlazor's (e.g. MudDataGridPager_RowsPerPage); a key the
/// resource lacks (all of them in English) is reported as not found, so MudBlazor falls back to its own English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<MudBlazorText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}

