namespace CommunityPortal.Features.Members;

/// <summary>Marker for Resources/Features/Members/MemberListText.*.resx: the member list, segments, bulk tags, CSV export and the tags page.</summary>
public sealed class MemberListText;
