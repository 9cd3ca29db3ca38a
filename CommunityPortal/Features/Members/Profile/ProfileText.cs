
namespace CommunityPortal.Features.Members.Profile;

/// <summary>Marker for ProfileText.resx and ProfileText.zh-CN.resx beside it.</summary>
public sealed class ProfileText;
