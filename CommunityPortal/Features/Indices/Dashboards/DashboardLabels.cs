using System.Globalization;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>
/// The words the dashboards' charts and tables use, in the current culture: their own strings, and the matrix's and live
/// codes' names for tiers, periods and channel types (one translation of each, kept by the feature that owns it).
/// </summary>
public sealed class DashboardLabels(IStringLocalizer<DashboardText> text, IStringLocalizer<MatrixText> matrix, IStringLocalizer<LiveCodeText> liveCodes,
    IStringLocalizer<ValidationText> validation)
{
    /// <summary>Field errors with the dashboards' field names (开始日期, 渠道 …) and messages, the shared ones otherwise.</summary>
    public ValidationErrors Errors() => new(new FeatureValidationText<DashboardText>(validation, text));

    public IStringLocalizer<DashboardText> Text => text;

    public string this[string key] => text[key];

    public string this[string key, params object[] arguments] => text[key, arguments];

    public string Tier(GroupTier tier) => matrix.Label(tier);

    public string ChannelType(ChannelType type) => liveCodes[$"Admin.ChannelType.{type}"];

    public string Period(int periodNo) => matrix.Period(periodNo);

    /// <summary>Monday first, as the hours index counts: 周一 / Mon.</summary>
    public static string Weekday(int mondayFirst) =>
        CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((mondayFirst + 1) % 7));

    public static string Date(DateOnly date) => MatrixLabels.Date(date);

    /// <summary>A chart axis's day: "12-03", short and the same in every language.</summary>
    public static string Day(DateOnly date) => date.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"0–6 天", "7 天", "90 天及以上".</summary>
    public string Bucket(DayBucket bucket) => bucket.To switch
    {
        null => text["Bucket.AndMore", bucket.From],
        { } to when to == bucket.From => text["Bucket.One", bucket.From],
        { } to => text["Bucket.Between", bucket.From, to],
    };
}
