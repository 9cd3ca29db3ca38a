namespace CommunityPortal.Infrastructure.Api;

/// <summary>Marker for ApiText.resx and ApiText.zh-CN.resx beside it.</summary>
public sealed class ApiText;
