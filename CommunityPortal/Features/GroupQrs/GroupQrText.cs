namespace CommunityPortal.Features.GroupQrs;

/// <summary>Marker for GroupQrText.resx and GroupQrText.zh-CN.resx beside it.</summary>
public sealed class GroupQrText;
