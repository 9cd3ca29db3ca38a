
namespace CommunityPortal.Features.Signups;

/// <summary>Marker for SignupText.resx and SignupText.zh-CN.resx beside it.</summary>
public sealed class SignupText;
