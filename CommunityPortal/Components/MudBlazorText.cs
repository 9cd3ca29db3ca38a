namespace CommunityPortal.Components;

/// <summary>
/// Marker for MudBlazorText.zh-CN.resx beside it: Chinese for MudBlazor's own texts, keyed as MudBlazor keys
/// them. There is deliberately no English file: MudBlazor's built-in English is the fallback (Shared/PortalMudLocalizer).
/// </summary>
public sealed class MudBlazorText;
