using CommunityPortal.Components;
using CommunityPortal.Components.Shared.Calendar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CommunityPortal.Features.Sop.Calendar;

/// <summary>
/// /sop/calendar: the tasks in the days the calendar shows, filtered by what the address says; a task opens in
/// <see cref="SopTaskDialog"/>. Ticks and plan changes anywhere reload the days shown (DomainEventBus).
/// </summary>
public sealed partial class SopCalendarPage
{
    private SopViewer? viewer;
    private SopCalendarFilter filter = new();
    private CalendarView view;
    private DateTime date;
    private CalendarRange? range;
    private IReadOnlyList<CalendarItem> items = [];
    private IReadOnlyDictionary<CalendarTone, string> toneLabels = new Dictionary<CalendarTone, string>();
    private bool loading;
    private int loads;
    private bool reloading;
    private bool reloadAgain;
    private IDisposable? subscription;
    private IDialogReference? openDialog;
    private ITimer? overdueTimer;

    [Inject] private SopCalendarService Calendar { get; set; } = default!;
    [Inject] private SopTaskOpener Opener { get; set; } = default!;
    [Inject] private DomainEventBus Events { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IStringLocalizer<SopText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedText> S { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private CalendarView DefaultView => viewer?.MineByDefault == true ? CalendarView.Week : CalendarView.Month;

    protected override async Task OnInitializedAsync()
    {
        toneLabels = SopTaskLabels.ToneLabels(T);
        filter = SopCalendarFilter.Parse(Nav.Uri);
        viewer = await SopViewer.FromAsync(AuthState, Authorization);
        view = filter.View ?? DefaultView;
        date = filter.Date?.ToDateTime(TimeOnly.MinValue) ?? default;
        // A link to a task (a reminder's) shows its day unless it names one.
        if (filter is { TaskId: { } id, Date: null } && await Calendar.FindAsync(id) is { } linked)
        {
            date = PortalTime.ToLocal(linked.Task.DueAt).Date;
        }
        Nav.LocationChanged += OnLocationChanged;
        // A prerender is thrown away: only the interactive render listens.
        if (RendererInfo.IsInteractive)
        {
            subscription = Events.Subscribe(OnDomainEvent);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && filter.TaskId is { } id)
        {
            await OpenAsync(id);
        }
    }

    private async Task RangeChangedAsync(CalendarRange next)
    {
        range = next;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (range is not { } shown || viewer is null)
        {
            return;
        }
        // Only the latest load shows: a slower earlier one (the month before a quick "next") must not overwrite it.
        var load = ++loads;
        loading = true;
        var found = await Calendar.ItemsAsync(filter, shown, viewer);
        if (load == loads)
        {
            (items, loading) = (found.Items, false);
            ReloadWhenOverdue(found.TurnsOverdueAt);
        }
    }

    /// <summary>A pending task turns red an hour after its time with no event to say so: the page reloads at that moment.</summary>
    private void ReloadWhenOverdue(DateTime? at)
    {
        overdueTimer?.Dispose();
        overdueTimer = null;
        if (at is { } when && RendererInfo.IsInteractive)
        {
            var wait = when - Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1);
            overdueTimer = Clock.CreateTimer(_ => _ = InvokeAsync(ReloadAsync), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Reloads the days shown; events that arrive meanwhile make one more reload, not one each.</summary>
    private async Task ReloadAsync()
    {
        if (reloading)
        {
            reloadAgain = true;
            return;
        }
        reloading = true;
        try
        {
            do
            {
                reloadAgain = false;
                await LoadAsync();
                StateHasChanged();
            }
            while (reloadAgain);
        }
        finally
        {
            reloading = false;
        }
    }

    private void OnDomainEvent(IDomainEvent e)
    {
        var concerns = e switch
        {
            // A visible task changed colour, or one may now match a Done/Skipped filter.
            SopTaskSettled settled => filter.State is SopTaskStatus.Done or SopTaskStatus.Skipped
                || items.Any(i => i.Key == settled.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            SopTasksChanged changed => filter.GroupId is not { } group || changed.GroupIds is null || changed.GroupIds.Contains(group),
            _ => false,
        };
        if (concerns)
        {
            _ = InvokeAsync(ReloadAsync);
        }
    }

    private Task ItemClickAsync(CalendarItem item) =>
        int.TryParse(item.Key, System.Globalization.CultureInfo.InvariantCulture, out var id) ? OpenAsync(id) : Task.CompletedTask;

    /// <summary>Opens a task's details; the address names it while they are open (a refresh or a shared link reopens them).</summary>
    private async Task OpenAsync(int id)
    {
        var dialog = openDialog = await Opener.OpenAsync(id, viewer!);
        Address(filter with { TaskId = id });
        _ = ForgetWhenClosedAsync(dialog, id);
    }

    private async Task ForgetWhenClosedAsync(IDialogReference dialog, int id)
    {
        await dialog.Result;
        await InvokeAsync(() =>
        {
            if (ReferenceEquals(openDialog, dialog))
            {
                openDialog = null;
            }
            if (filter.TaskId == id)
            {
                Address(filter with { TaskId = null });
            }
        });
    }

    private Task ViewChangedAsync(CalendarView next)
    {
        view = next;
        Address(filter with { View = next });
        return Task.CompletedTask;
    }

    private Task DateChangedAsync(DateTime next)
    {
        date = next;
        Address(filter with { Date = DateOnly.FromDateTime(next) });
        return Task.CompletedTask;
    }

    /// <summary>New criteria are a new entry in the history (Back undoes them); the page follows the address (OnLocationChanged).</summary>
    private Task FilterAsync(SopCalendarFilter next)
    {
        Nav.NavigateTo(next.ToUri());
        return Task.CompletedTask;
    }

    /// <summary>The view, the date and the open task replace the address in place: paging through months is not history.</summary>
    private void Address(SopCalendarFilter next)
    {
        filter = next;
        Nav.NavigateTo(next.ToUri(), replace: true);
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!new Uri(e.Location).AbsolutePath.TrimEnd('/').EndsWith("/" + SopCalendarFilter.Path, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        _ = InvokeAsync(async () =>
        {
            var next = SopCalendarFilter.Parse(e.Location);
            var reload = next.Criteria != filter.Criteria;
            filter = next;
            view = next.View ?? DefaultView;
            if (next.Date is { } day)
            {
                date = day.ToDateTime(TimeOnly.MinValue);
            }
            if (reload)
            {
                await ReloadAsync();
            }
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        subscription?.Dispose();
        overdueTimer?.Dispose();
        // Leaving the calendar (a link in the details, the menu) takes the details with it.
        openDialog?.Close();
    }
}
