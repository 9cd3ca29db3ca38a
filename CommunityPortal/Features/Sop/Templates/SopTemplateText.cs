namespace CommunityPortal.Features.Sop.Templates;

/// <summary>Marker for SopTemplateText.resx and SopTemplateText.zh-CN.resx beside it: the preloaded templates' wording.</summary>
public sealed class SopTemplateText;
