using System.Globalization;
using CommunityPortal.Components;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes.Stats;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>
/// Asks <see cref="IIndexQueries"/> the question the address holds, and again whenever <see cref="IIndexChanges"/> says the
/// indices moved. Bursts are coalesced (<see cref="RefreshCoalescer"/>): one query in flight per page, at most one more
/// waiting, however many changes arrive (ADR 039). Until the aggregator is ready it shows "calculating" and asks nothing.
/// </summary>
public sealed partial class IndexDashboard<TData> : IDisposable
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromSeconds(1);
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
    private readonly CancellationTokenSource disposed = new();
    private DashboardFilter filter = new();
    private FilterChoices choices = FilterChoices.None;
    private DashboardData<TData>? data;
    private IReadOnlyDictionary<string, string[]> errors = NoErrors;
    private bool failed;
    private long issued;
    private long applied;
    private IDisposable? subscription;
    private RefreshCoalescer? refresher;
    private ITimer? readyPoll;
    private (CultureInfo Culture, CultureInfo UiCulture) reader;

    [Inject] private IIndexQueries Queries { get; set; } = default!;
    [Inject] private IIndexChanges Changes { get; set; } = default!;
    [Inject] private DashboardChoices Choices { get; set; } = default!;
    [Inject] private DashboardLabels Labels { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<IndexDashboard<TData>> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<DashboardText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [Parameter, EditorRequired] public IndexView<TData> View { get; set; } = default!;

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    [Parameter] public string? Summary { get; set; }

    [Parameter, EditorRequired] public RenderFragment<DashboardData<TData>> ChildContent { get; set; } = default!;

    /// <summary>The shortest time between the end of one live re-query and the start of the next.</summary>
    [Parameter] public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The filter asked with: the address's, with the default series where the page needs one.</summary>
    private DashboardFilter Asked =>
        View.Controls.HasFlag(DashboardControls.RequiredSeries) && filter is { SeriesId: null } && !filter.Malformed.Contains(nameof(DashboardFilter.SeriesId))
            ? filter with { SeriesId = choices.DefaultSeriesId }
            : filter;

    /// <summary>The page and its question, for its parts (the CSV links ask what the page asked).</summary>
    private DashboardContext Context => new(View, Asked);

    private (DateOnly From, DateOnly To) RangeShown => filter.Range(DashboardFilter.Today(Clock));

    protected override async Task OnInitializedAsync()
    {
        filter = DashboardFilter.Parse(new Uri(Nav.Uri).Query);
        choices = await Choices.LoadAsync(disposed.Token);
        Nav.LocationChanged += OnLocationChanged;
        // A prerendered copy is thrown away after the first response: only the live circuit listens.
        if (RendererInfo.IsInteractive)
        {
            reader = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            // Real time, not the injected clock: the pause between re-queries is about load, not about the team's calendar.
            refresher = new RefreshCoalescer(RefreshInterval, RefreshAsync);
            subscription = Changes.Subscribe(_ => refresher.Request());
            if (!Changes.Ready)
            {
                // The aggregator announces its first state as a change; this only covers a start that said nothing.
                readyPoll = Clock.CreateTimer(_ => PollReady(), null, ReadyPoll, ReadyPoll);
            }
        }
        await LoadAsync();
    }

    private void PollReady()
    {
        if (Changes.Ready)
        {
            readyPoll?.Dispose();
            refresher?.Request();
        }
    }

    /// <summary>On a pool thread (the coalescer's): the reader's culture for the numbers, then the load on the page's own thread.</summary>
    private Task RefreshAsync(CancellationToken ct)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = reader;
        return InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private async Task LoadAsync()
    {
        if (!Changes.Ready)
        {
            return;
        }
        var asked = Asked;
        var ticket = ++issued;
        try
        {
            var question = asked.Check(View, DashboardFilter.Today(Clock), Labels.Errors());
            var answer = await View.QueryAsync(Queries, question, disposed.Token);
            Apply(ticket, () => (data, errors, failed) = (new DashboardData<TData>(answer, View.Tables(answer, Labels)), NoErrors, false));
        }
        catch (PortalValidationException ex)
        {
            Apply(ticket, () => (data, errors) = (null, ex.Errors));
        }
        catch (Exception ex) when (!disposed.IsCancellationRequested)
        {
            Logger.LogWarning(ex, "The {Index} index could not be read", View.Name);
            Apply(ticket, () => failed = true);
        }
    }

    /// <summary>Only a newer answer shows: a slow earlier one (the filter before a quick change) must not overwrite it.</summary>
    private void Apply(long ticket, Action show)
    {
        if (ticket > applied)
        {
            applied = ticket;
            show();
        }
    }

    /// <summary>New criteria are a new entry in the history (Back undoes them); the page follows the address.</summary>
    private Task FilterChangedAsync(DashboardFilter next)
    {
        Nav.NavigateTo(DashboardViews.PathOf(View) + next.ToQueryString());
        return Task.CompletedTask;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var relative = Nav.ToBaseRelativePath(e.Location);
        var path = relative.Split('?', '#')[0].TrimEnd('/');
        if (!string.Equals(path, DashboardViews.PathOf(View), StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var next = DashboardFilter.Parse(new Uri(e.Location).Query);
        if (next.SameAs(filter))
        {
            return;
        }
        _ = InvokeAsync(async () =>
        {
            (filter, data, failed) = (next, null, false);
            StateHasChanged();
            await LoadAsync();
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        subscription?.Dispose();
        refresher?.Dispose();
        readyPoll?.Dispose();
        // Cancelled, not disposed: a re-query already running may still read the token.
        disposed.Cancel();
    }
}

/// <summary>What a dashboard's parts (its tables' CSV links) need to know about the page they are on.</summary>
public sealed record DashboardContext(IIndexView View, DashboardFilter Filter);
