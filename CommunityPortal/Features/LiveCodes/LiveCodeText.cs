namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for Resources/Features/LiveCodes/LiveCodeText.*.resx: the scan page and live-code messages.</summary>
public sealed class LiveCodeText;
