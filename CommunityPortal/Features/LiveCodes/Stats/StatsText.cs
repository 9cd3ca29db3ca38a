
namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>Marker for StatsText.resx and StatsText.zh-CN.resx beside it.</summary>
public sealed class StatsText;
