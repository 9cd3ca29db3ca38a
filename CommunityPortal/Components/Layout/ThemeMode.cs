namespace CommunityPortal.Components.Layout;

/// <summary>The theme a page starts in, cascaded from <c>Routes</c> to the layouts.</summary>
public sealed record ThemeMode(bool Dark);
