
namespace CommunityPortal.Features.Users;

/// <summary>Marker for UsersText.resx and UsersText.zh-CN.resx beside it.</summary>
public sealed class UsersText;
