using System.Globalization;
using CommunityPortal.Features.Matrix;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Indices.Dashboards;

public sealed partial class DashboardFilterBar
{
    [Inject] private IStringLocalizer<DashboardText> T { get; set; } = default!;
    [Inject] private DashboardLabels Labels { get; set; } = default!;

    /// <summary>The filter in force (from the address, the default series filled in).</summary>
    [Parameter, EditorRequired] public DashboardFilter Filter { get; set; } = new();

    /// <summary>The range in force: the address's, or the default one.</summary>
    [Parameter, EditorRequired] public (DateOnly From, DateOnly To) Range { get; set; }

    [Parameter, EditorRequired] public DashboardControls Controls { get; set; }

    [Parameter, EditorRequired] public FilterChoices Choices { get; set; } = FilterChoices.None;

    /// <summary>The page's refusals by field; each shows under its control.</summary>
    [Parameter] public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    [Parameter] public EventCallback<DashboardFilter> Changed { get; set; }

    // The periods the activity control offers: those of the series chosen (all without one), worked out once per change.
    private IReadOnlyList<Option<int>> activities = [];

    protected override void OnParametersSet() =>
        activities = [.. Choices.ActivitiesOf(Filter.SeriesId).Select(a => new Option<int>(a.Id, a.Text))];

    private bool opened;

    /// <summary>The controls show when the reader opened them, and always while a field is refused.</summary>
    private bool Open => opened || Errors.Count > 0;

    private void Toggle() => opened = !Open;

    /// <summary>What is in force, on one line: the range (where the page has one), then each criterion chosen.</summary>
    private string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Has(DashboardControls.Range))
            {
                parts.Add(T["Filter.Range", Range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            }
            AddChosen(parts, DashboardControls.Series, Choices.Series, Filter.SeriesId);
            AddChosen(parts, DashboardControls.Activity, activities, Filter.ActivityId);
            AddChosen(parts, DashboardControls.Channel, Choices.Channels, Filter.ChannelId);
            if (Has(DashboardControls.Tier) && Filter.Tier is { } tier)
            {
                parts.Add(Labels.Tier(tier));
            }
            return parts.Count == 0 ? T["Filter.None"] : string.Join(" · ", parts);
        }
    }

    private void AddChosen(List<string> parts, DashboardControls control, IReadOnlyList<Option<int>> options, int? id)
    {
        if (Has(control) && id is { } value)
        {
            parts.Add(options.FirstOrDefault(o => o.Value == value)?.Text ?? $"#{value}");
        }
    }

    private bool Has(DashboardControls control) => Controls.HasFlag(control);

    private bool HasCriteria =>
        (Has(DashboardControls.Series) && !Has(DashboardControls.RequiredSeries) && Filter.SeriesId is not null)
        || (Has(DashboardControls.Activity) && Filter.ActivityId is not null)
        || (Has(DashboardControls.Channel) && Filter.ChannelId is not null)
        || (Has(DashboardControls.Tier) && Filter.Tier is not null);

    private bool IsWrong(string field) => Errors.ContainsKey(field);

    private string? Message(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private static DateTime AsDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    // A date changed keeps the other end as shown, so the range in the address is the range on the screen; a date
    // cleared goes back to the default.
    private Task FromChangedAsync(DateTime? date) => EmitAsync(Filter with
    {
        From = date is { } d ? DateOnly.FromDateTime(d) : null,
        To = date is null ? Filter.To : Range.To,
        Malformed = Without(nameof(DashboardFilter.From)),
    });

    private Task ToChangedAsync(DateTime? date) => EmitAsync(Filter with
    {
        To = date is { } d ? DateOnly.FromDateTime(d) : null,
        From = date is null ? Filter.From : Range.From,
        Malformed = Without(nameof(DashboardFilter.To)),
    });

    /// <summary>Another series keeps the activity only if it belongs to it.</summary>
    private Task SeriesChangedAsync(int? id) => EmitAsync(Filter with
    {
        SeriesId = id,
        ActivityId = Choices.ActivitiesOf(id).Any(a => a.Id == Filter.ActivityId) ? Filter.ActivityId : null,
        Malformed = Without(nameof(DashboardFilter.SeriesId)),
    });

    private Task ActivityChangedAsync(int? id) => EmitAsync(Filter with { ActivityId = id, Malformed = Without(nameof(DashboardFilter.ActivityId)) });

    private Task ChannelChangedAsync(int? id) => EmitAsync(Filter with { ChannelId = id, Malformed = Without(nameof(DashboardFilter.ChannelId)) });

    private Task TierChangedAsync(GroupTier? tier) => EmitAsync(Filter with { Tier = tier, Malformed = Without(nameof(DashboardFilter.Tier)) });

    private Task ClearAsync() => EmitAsync(Filter with
    {
        SeriesId = Has(DashboardControls.RequiredSeries) ? Filter.SeriesId : null,
        ActivityId = null,
        ChannelId = null,
        Tier = null,
        Malformed = new HashSet<string>(),
    });

    private HashSet<string> Without(string field) => [.. Filter.Malformed.Where(f => f != field)];

    private Task EmitAsync(DashboardFilter next) => next.SameAs(Filter) ? Task.CompletedTask : Changed.InvokeAsync(next);
}
