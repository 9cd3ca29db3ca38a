namespace CommunityPortal.Features.LiveCodes.Routing;

/// <summary>
/// What a scan of a live code gets, in the order the scan page decides it: an ended code says so before anything else
/// (410 on /q), then a paused one, then one not started yet; a bot never reaches the pool (it must not use a seat);
/// everyone else is routed by the live code's router (a group, the same group again, or the fallback).
/// </summary>
public static class ScanDecision
{
    /// <summary>The outcome the live code's state or the client settles before any group is looked at, or null.</summary>
    public static ScanOutcome? BeforeRouting(LiveCodeSettings settings, ClientKind client, DateTime now)
    {
        if (settings.ValidUntil <= now)
        {
            return ScanOutcome.Expired;
        }
        if (settings.IsPaused)
        {
            return ScanOutcome.Paused;
        }
        if (settings.ValidFrom > now)
        {
            return ScanOutcome.NotStarted;
        }
        return client == ClientKind.Bot ? ScanOutcome.Bot : null;
    }

    /// <summary>The scan's outcome; only a scan that reaches the router takes (or repeats) a seat.</summary>
    public static RouteResult Decide(LiveCodeRoute route, ClientKind client, string visitorKey, DateTime now) =>
        BeforeRouting(route.Settings, client, now) is { } outcome
            ? new RouteResult(null, outcome)
            : route.Router.Route(visitorKey, now);
}
