namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for Resources/Features/LiveCodes/AlertText.*.resx: live-code health alerts, panel and bell.</summary>
public sealed class AlertText;
