namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for Resources/Features/LiveCodes/StatsText.*.resx: the live-code statistics panel and its messages.</summary>
public sealed class StatsText;
