
namespace CommunityPortal.Infrastructure.Time;

/// <summary>
/// The time zone people read and type times in (Portal:TimeZone, default Asia/Shanghai: the teams are Chinese and
/// servers and containers often run in UTC). Stored times are UTC; pages convert at the edge with these helpers.
/// </summary>
public static class PortalTime
{
    public const string DefaultZoneId = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; private set; } = Find(DefaultZoneId);

    public static void Configure(IConfiguration configuration) =>
        Zone = Find(configuration["Portal:TimeZone"] is { Length: > 0 } id ? id : DefaultZoneId);

    /// <summary>A stored UTC time as the portal's wall-clock time.</summary>
    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time someone typed (kind unspecified) as UTC for storage.</summary>
    public static DateTime ToUtc(DateTime local) =>
        local.Kind == DateTimeKind.Utc ? local : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new InvalidOperationException($"Portal:TimeZone '{id}' is not a known time zone (install tzdata, or use an IANA id such as Asia/Shanghai).");
        }
    }
}
