namespace CommunityPortal.Tests.Support;

/// <summary>The app with a header-driven sign-in ("X-Test-Role", "X-Test-User") in place of the cookie.</summary>
public sealed class HeaderAuthSite() : PortalFactory(new() { HeaderAuth = true });
