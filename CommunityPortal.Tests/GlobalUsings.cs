// The portal's cross-cutting building blocks, used by nearly every feature: entities and domain events, validation
// and its exceptions, the team's clock, the public address, roles and policies.
global using CommunityPortal.Infrastructure.Domain;
global using CommunityPortal.Infrastructure.Security;
global using CommunityPortal.Infrastructure.Time;
global using CommunityPortal.Infrastructure.Validation;
global using CommunityPortal.Infrastructure.Web;

// The test plumbing every test class stands on: the one database fixture, the one web factory, the thin bases.
global using CommunityPortal.Tests.Support;
