using System.Globalization;
using System.Text.RegularExpressions;

namespace CommunityPortal.Features.Matrix.Activities;

/// <summary>Builds the next period of a series from the previous one (pure: no database).</summary>
public static partial class PeriodCopier
{
    public static Activity Copy(Activity previous, Activity? beforePrevious, IReadOnlyList<Group> previousGroups)
    {
        var nextNo = previous.PeriodNo + 1;
        // Keep the series' rhythm: the gap between the last two starts, or else right after the last one ends.
        var shift = beforePrevious is not null && previous.StartDate > beforePrevious.StartDate
            ? previous.StartDate.DayNumber - beforePrevious.StartDate.DayNumber
            : previous.EndDate.DayNumber - previous.StartDate.DayNumber + 1;
        var activity = new Activity
        {
            SeriesId = previous.SeriesId,
            PeriodNo = nextNo,
            Name = Renumber(previous.Name, previous.PeriodNo, nextNo),
            StartDate = previous.StartDate.AddDays(shift),
            EndDate = previous.EndDate.AddDays(shift),
            Status = ActivityStatus.Planned,
        };
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in previousGroups)
        {
            // Two names can renumber alike ("福利群" and "福利群 (3)" both become "福利群 (4)"); keep them apart.
            var name = Renumber(group.Name, previous.PeriodNo, nextNo);
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{name} ({n.ToString(CultureInfo.InvariantCulture)})";
            }
            activity.Groups.Add(new Group
            {
                Name = unique,
                Tier = group.Tier,
                Lifetime = group.Lifetime,
                OwnerId = group.OwnerId,
                Capacity = group.Capacity,
                MemberCount = 0,
                Status = GroupStatus.Planned,
                Rules = [.. group.Rules],
                Announcement = group.Announcement,
                WelcomeMessage = group.WelcomeMessage,
                Labels = [.. group.Labels],
            });
        }
        return activity;
    }

    /// <summary>
    /// Replaces the period number where it stands alone as a number ("第3期", "3期-1群", "S3") and leaves
    /// other numbers alone ("13", "300"). A number marked as the period (第N, N期, "period N") wins over an
    /// earlier one, so "福利1群-1期" becomes "福利1群-2期", not "福利2群-1期".
    /// A name without it gets " (N)" so names stay unique.
    /// </summary>
    public static string Renumber(string name, int from, int to)
    {
        var number = $"(?<!\\d){from.ToString(CultureInfo.InvariantCulture)}(?!\\d)";
        var replacement = to.ToString(CultureInfo.InvariantCulture);
        foreach (var candidate in new[] { $"(?<=第\\s*){number}|{number}(?=\\s*期)|(?<=period\\s*){number}", number })
        {
            var pattern = new Regex(candidate, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            var replaced = pattern.Replace(name, replacement, 1);
            if (replaced != name)
            {
                return replaced;
            }
        }
        var suffix = $" ({to.ToString(CultureInfo.InvariantCulture)})";
        var withoutOldSuffix = TrailingNumber().Replace(name, "");
        return withoutOldSuffix + suffix;
    }

    [GeneratedRegex(@" \(\d+\)$")]
    private static partial Regex TrailingNumber();
}
