using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CommunityPortal.Features.LiveCodes.Stats;

public sealed partial class LiveCodeStatsPanel
{
    private LiveCodeStats? stats;
    private StatsGranularity granularity = StatsGranularity.Hour;
    private bool failed;
    private bool live;
    private int loadedId;
    private IDisposable? subscription;
    private RefreshCoalescer? refresher;
    private (CultureInfo Culture, CultureInfo UiCulture) reader;

    [Parameter, EditorRequired]
    public int LiveCodeId { get; set; }

    /// <summary>The shortest time between two refreshes caused by scans (bursts are coalesced).</summary>
    [Parameter]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    protected override async Task OnParametersSetAsync()
    {
        // Only a live circuit listens: a prerendered copy is thrown away after the first response.
        if (subscription is null && RendererInfo.IsInteractive)
        {
            reader = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            refresher = new RefreshCoalescer(RefreshInterval, RefreshAsync);
            subscription = Feed.Subscribe(OnCommitted);
            live = true;
        }
        if (loadedId != LiveCodeId)
        {
            loadedId = LiveCodeId;
            stats = null;
            await LoadAsync();
        }
    }

    /// <summary>Called on the scan writer's thread: only note that a refresh is due.</summary>
    private void OnCommitted(IReadOnlyList<Scan> scans)
    {
        var id = loadedId;
        foreach (var scan in scans)
        {
            if (scan.LiveCodeId == id)
            {
                refresher?.Request();
                return;
            }
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        var (id, asked) = (loadedId, granularity);
        // This runs on a pool thread: render numbers and times in the reader's culture, not the thread's.
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = reader;
        try
        {
            var fresh = await Stats.GetAsync(id, new StatsQuery(asked), ct);
            await InvokeAsync(() =>
            {
                // The operator may have switched granularity (or page) while this was read: then it is stale.
                if (id == loadedId && asked == granularity)
                {
                    (stats, failed) = (fresh, false);
                    StateHasChanged();
                }
            });
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "Live-code stats of {Id} could not be refreshed", id);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            stats = await Stats.GetAsync(LiveCodeId, new StatsQuery(granularity));
            failed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Live-code stats of {Id} could not be loaded", LiveCodeId);
            failed = true;
        }
    }

    private async Task SetGranularityAsync(StatsGranularity value)
    {
        granularity = value;
        await LoadAsync();
    }

    private static string Format(DateTimeOffset time, string format) => time.DateTime.ToString(format, CultureInfo.CurrentCulture);

    public void Dispose()
    {
        subscription?.Dispose();
        refresher?.Dispose();
    }
}
