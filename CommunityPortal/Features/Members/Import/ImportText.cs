
namespace CommunityPortal.Features.Members.Import;

/// <summary>Marker for ImportText.resx and ImportText.zh-CN.resx beside it.</summary>
public sealed class ImportText;
