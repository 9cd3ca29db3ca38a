
namespace CommunityPortal.Features.Members.List;

/// <summary>Marker for MemberListText.resx and MemberListText.zh-CN.resx beside it.</summary>
public sealed class MemberListText;
