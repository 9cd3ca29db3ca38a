namespace CommunityPortal.Features.Members;

/// <summary>Marker for Resources/Features/Members/EventsText.*.resx: the members, tags and events API's own messages.</summary>
public sealed class EventsText;
