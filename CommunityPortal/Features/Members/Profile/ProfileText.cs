namespace CommunityPortal.Features.Members;

/// <summary>Marker for Resources/Features/Members/ProfileText.*.resx: the member profile, blacklist and membership pages.</summary>
public sealed class ProfileText;
