namespace CommunityPortal.Features.Members;

/// <summary>Marker for MemberListText.resx and MemberListText.zh-CN.resx beside it.</summary>
public sealed class MemberListText;
