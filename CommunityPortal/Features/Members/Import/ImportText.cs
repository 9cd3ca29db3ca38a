namespace CommunityPortal.Features.Members;

/// <summary>Marker for ImportText.resx and ImportText.zh-CN.resx beside it.</summary>
public sealed class ImportText;
