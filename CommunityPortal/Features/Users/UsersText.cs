namespace CommunityPortal.Features.Users;

/// <summary>Marker for Resources/Features/Users/UsersText.*.resx: user administration and Identity's error messages.</summary>
public sealed class UsersText;
