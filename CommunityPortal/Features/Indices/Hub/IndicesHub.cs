using Microsoft.AspNetCore.SignalR;

namespace CommunityPortal.Features.Indices.Hub;

/// <summary>
/// /hubs/indices: live index deltas for clients outside Blazor (wall software, dashboards in other tools). Signed in by
/// the portal cookie or an API key (Admin, Manager, Operator); see ADR 041.
/// </summary>
public sealed class IndicesHub(IndicesBroadcaster broadcaster) : Hub<IIndicesClient>
{
    public override async Task OnConnectedAsync()
    {
        broadcaster.Add(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        broadcaster.Remove(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Where the indices stand now (no days): what a client reads after it connects or reconnects.</summary>
    public Task<IndexDelta> Current() => broadcaster.CurrentAsync(Context.ConnectionAborted);
}
