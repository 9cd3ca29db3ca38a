using System.Globalization;

namespace CommunityPortal.Tests.Features.Signups;

/// <summary>The app in-process for the public sign-up page; the per-address limit is off unless a test sets one.</summary>
public sealed class SignupSite(int postsPerMinute = 0)
    : PortalFactory(new() { Settings = { ["Signups:PostsPerMinutePerAddress"] = postsPerMinute.ToString(CultureInfo.InvariantCulture) } });
