using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.LiveCodes.Stats;

/// <summary>Reading and checking a stats query: each problem reported on its field, in the reader's language.</summary>
public sealed partial class ScanStatsService
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<StatsText>(validationText, text);

    /// <summary>
    /// A query from text (the API's query string): granularity minute/hour/day (default hour); times in ISO 8601, with
    /// an offset or Z for an instant, without one for portal wall-clock time. Throws field errors for what cannot be read.
    /// </summary>
    public StatsQuery ParseQuery(string? granularity, string? from, string? to)
    {
        var errors = new ValidationErrors(Messages);
        var parsed = StatsGranularity.Hour;
        if (!string.IsNullOrWhiteSpace(granularity) && !TryParseGranularity(granularity.Trim(), out parsed))
        {
            errors.Add(nameof(StatsQuery.Granularity), "Stats.GranularityInvalid");
        }
        var start = ParseTime(nameof(StatsQuery.From), from, errors);
        var end = ParseTime(nameof(StatsQuery.To), to, errors);
        errors.ThrowIfAny();
        return new StatsQuery(parsed, start, end);
    }

    private static bool TryParseGranularity(string value, out StatsGranularity granularity)
    {
        foreach (var candidate in Enum.GetValues<StatsGranularity>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                granularity = candidate;
                return true;
            }
        }
        granularity = default;
        return false;
    }

    private static DateTime? ParseTime(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateTime.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return time;
        }
        errors.Add(field, "Stats.TimeInvalid");
        return null;
    }

    /// <summary>The buckets for a query, or field errors (Granularity, From, To) naming what is wrong.</summary>
    internal StatsBuckets Plan(StatsQuery query, DateTime nowUtc)
    {
        var errors = new ValidationErrors(Messages);
        if (!Enum.IsDefined(query.Granularity))
        {
            errors.Add(nameof(query.Granularity), "Stats.GranularityInvalid");
            errors.ThrowIfAny();
        }
        var zone = PortalTime.Zone;
        var to = query.To is { } end ? Utc(end) : nowUtc;
        var from = query.From is { } start ? Utc(start) : StatsBuckets.DefaultFromUtc(query.Granularity, to, zone);
        if (from >= to)
        {
            errors.Add(query.To is null ? nameof(query.From) : nameof(query.To), "Stats.EndBeforeStart");
            errors.ThrowIfAny();
        }
        var buckets = StatsBuckets.Plan(query.Granularity, from, to, zone);
        if (buckets is null)
        {
            errors.Add(query.From is null ? nameof(query.To) : nameof(query.From), "Stats.TooManyBuckets",
                StatsBuckets.MaxBuckets.ToString("N0"), text["Granularity." + query.Granularity].Value);
            errors.ThrowIfAny();
        }
        return buckets!;
    }

    /// <summary>A UTC instant as is; a time with an offset converted; a kind-less time read as portal wall-clock time.</summary>
    internal static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => PortalTime.ToUtc(time),
    };
}
