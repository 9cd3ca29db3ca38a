namespace CommunityPortal.Features.GroupQrs;

/// <summary>Marker for Resources/Features/GroupQrs/GroupQrText.*.resx: the group QR panel, API and refusals.</summary>
public sealed class GroupQrText;
