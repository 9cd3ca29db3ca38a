namespace CommunityPortal.Features.Members;

/// <summary>Marker for Resources/Features/Members/MemberText.*.resx: members, tags, service records and their messages.</summary>
public sealed class MemberText;
