
namespace CommunityPortal.Features.Members.Events;

/// <summary>Marker for EventsText.resx and EventsText.zh-CN.resx beside it.</summary>
public sealed class EventsText;
