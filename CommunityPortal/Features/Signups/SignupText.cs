namespace CommunityPortal.Features.Signups;

/// <summary>Marker for Resources/Features/Signups/SignupText.*.resx: the sign-up page, editor, list and their messages.</summary>
public sealed class SignupText;
