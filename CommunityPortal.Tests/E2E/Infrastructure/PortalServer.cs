
namespace CommunityPortal.Tests.E2E.Infrastructure;

/// <summary>The real app on a real Kestrel port over its own empty SQLite file: one per browser test class.</summary>
public sealed class PortalServer() : PortalFactory(new() { Kestrel = true });
