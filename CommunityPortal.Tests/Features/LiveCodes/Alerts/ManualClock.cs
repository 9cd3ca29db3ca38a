namespace CommunityPortal.Tests.Features.LiveCodes.Alerts;

/// <summary>A clock the test sets by hand.</summary>
public sealed class ManualClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; set; } = utcNow;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));
}
