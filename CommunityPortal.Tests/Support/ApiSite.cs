namespace CommunityPortal.Tests.Support;

/// <summary>The app with an API key for each role and a portal user who can own groups (<see cref="PortalFactory.OwnerEmail"/>).</summary>
public sealed class ApiSite() : PortalFactory(new() { ApiKeys = true });
