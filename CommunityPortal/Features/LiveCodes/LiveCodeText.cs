
namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for LiveCodeText.resx and LiveCodeText.zh-CN.resx beside it.</summary>
public sealed class LiveCodeText;
