using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes.Stats;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>
/// Reads today's figures when opened, again whenever the indices move (coalesced: one read in flight, at most one
/// waiting), and at every periodic check, which also makes sure the link still works. A revoked link sends the screen
/// to the "not valid" page at once on this instance, and at the next check on any other.
/// </summary>
public sealed partial class WallPage : IDisposable
{
    private int? linkId;
    private bool invalid;
    private LiveFigures? figures;
    private DateTime? updatedAt;
    private long beat;
    private IDisposable? changeSubscription;
    private IDisposable? revocationSubscription;
    private RefreshCoalescer? refresher;
    private CancellationTokenSource? stop;

    [Parameter]
    public string Token { get; set; } = "";

    [Inject]
    private WallLinks Links { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [Inject]
    private IIndexQueries Queries { get; set; } = default!;

    [Inject]
    private IIndexChanges Changes { get; set; } = default!;

    [Inject]
    private WallLinkRevocations Revocations { get; set; } = default!;

    [Inject]
    private IOptions<WallOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<WallPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        linkId = await Links.FindActiveAsync(Token);
        if (linkId is null)
        {
            ShowInvalid();
            return;
        }
        try
        {
            (figures, updatedAt) = (await ReadAsync(CancellationToken.None), Clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // "Waiting for data" until the next change or check reads them.
            Logger.LogWarning(ex, "Wall figures could not be read");
        }
        // Only a live circuit listens: a prerendered copy is thrown away after the first response.
        if (RendererInfo.IsInteractive)
        {
            Listen(linkId.Value);
        }
    }

    private void Listen(int id)
    {
        stop = new CancellationTokenSource();
        // The change signal is already coalesced: this only keeps reads from overlapping or piling up.
        var coalescer = refresher = new RefreshCoalescer(TimeSpan.Zero, RefreshAsync, Clock);
        // The aggregator may still call in after StopListening: a disposed coalescer ignores it (the field is null by then).
        changeSubscription = Changes.Subscribe(_ => coalescer.Request());
        revocationSubscription = Revocations.Subscribe(revoked =>
        {
            if (revoked == id)
            {
                _ = InvokeAsync(ShowInvalid);
            }
        });
        _ = CheckPeriodicallyAsync(id, stop.Token);
    }

    private async Task CheckPeriodicallyAsync(int id, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Options.Value.RecheckSeconds), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await CheckAsync(id, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task CheckAsync(int id, CancellationToken ct)
    {
        try
        {
            if (!await Links.IsActiveAsync(id, ct))
            {
                await InvokeAsync(ShowInvalid);
                return;
            }
            await InvokeAsync(() =>
            {
                beat++;
                StateHasChanged();
            });
            refresher?.Request();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // No beat this time: if the database stays away, wall.js reloads the screen once the server answers again.
            Logger.LogWarning(ex, "Wall link {Id} could not be checked", id);
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            var fresh = await ReadAsync(ct);
            var at = Clock.GetUtcNow().UtcDateTime;
            await InvokeAsync(() =>
            {
                if (!invalid)
                {
                    (figures, updatedAt) = (fresh, at);
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The figures stay as they were, and the header's "updated at" time shows how old they are.
            Logger.LogWarning(ex, "Wall figures could not be read");
        }
    }

    /// <summary>Today's figures, or null while the aggregator is still rebuilding (no zeros that look like facts).</summary>
    private async Task<LiveFigures?> ReadAsync(CancellationToken ct) => Changes.Ready ? await Queries.LiveAsync(ct) : null;

    /// <summary>
    /// Off to the "not valid" page (a 404 with no figures): a redirect while prerendering, a full load in the circuit,
    /// which then ends. The wall itself cannot answer 404: the status-code pages would replace it (ADR 040).
    /// </summary>
    private void ShowInvalid()
    {
        if (invalid)
        {
            return;
        }
        StopListening();
        (invalid, figures, updatedAt) = (true, null, null);
        StateHasChanged();
        Nav.NavigateTo(WallEndpoints.InvalidPath, forceLoad: true, replace: true);
    }

    private void StopListening()
    {
        stop?.Cancel();
        changeSubscription?.Dispose();
        revocationSubscription?.Dispose();
        refresher?.Dispose();
        (changeSubscription, revocationSubscription, refresher) = (null, null, null);
    }

    public void Dispose()
    {
        StopListening();
        stop?.Dispose();
        stop = null;
    }
}
