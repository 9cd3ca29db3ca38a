
namespace CommunityPortal.Features.Members;

/// <summary>Marker for MemberText.resx and MemberText.zh-CN.resx beside it.</summary>
public sealed class MemberText;
