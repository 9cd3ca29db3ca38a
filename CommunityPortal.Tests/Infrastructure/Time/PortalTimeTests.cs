using CommunityPortal.Infrastructure.Time;

namespace CommunityPortal.Tests.Infrastructure.Time;

public sealed class PortalTimeTests
{
    [Fact]
    public void WallClockTimes_AreBeijingTimeByDefault_AndRoundTripThroughUtc()
    {
        // 20:00 typed by an operator in Beijing is 12:00 UTC, whatever zone the server itself runs in.
        var typed = new DateTime(2026, 12, 1, 20, 0, 0, DateTimeKind.Unspecified);

        var stored = PortalTime.ToUtc(typed);

        Assert.Equal(new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc), stored);
        Assert.Equal(typed, PortalTime.ToLocal(stored));
    }
}
