namespace CommunityPortal.Components;

/// <summary>Marker for Resources/Components/SharedText.*.resx: layout, navigation and common words.</summary>
public sealed class SharedText;
