using CommunityPortal.Features.Sop.Api;

namespace CommunityPortal.Tests.Features.Sop.Api;

/// <summary>The API's from/to forms, read in the team's zone (Asia/Shanghai, UTC+8, the tests' default).</summary>
public sealed class SopTaskRangeTests
{
    [Theory]
    [InlineData("2026-12-01", false, "2026-11-30T16:00:00")]
    [InlineData("2026-12-01", true, "2026-12-01T16:00:00")]
    [InlineData("2026-12-01T09:00", false, "2026-12-01T01:00:00")]
    [InlineData("2026-12-01T09:00:30", true, "2026-12-01T01:00:30")]
    [InlineData("2026-12-01T09:00Z", false, "2026-12-01T09:00:00")]
    [InlineData("2026-12-01T09:00:00.5Z", false, "2026-12-01T09:00:00.5")]
    [InlineData("2026-12-01T09:00+08:00", false, "2026-12-01T01:00:00")]
    [InlineData("2026-12-01T09:00 08:00", false, "2026-12-01T01:00:00")]
    [InlineData("2026-12-01T09:00-05:00", false, "2026-12-01T14:00:00")]
    public void TryRead_ReadsDatesLocalTimesAndOffsets(string value, bool endOfDay, string utc) =>
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), TryReadUtc(value, endOfDay));

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("12/01/2026")]
    [InlineData("2026-12-01T25:00")]
    [InlineData("tomorrow")]
    [InlineData("2026-12-01T09")]
    public void TryRead_RefusesWhatIsNotAnIsoDateOrTime(string value) =>
        Assert.Null(SopTaskRange.TryRead(value, endOfDay: false));

    private static DateTime? TryReadUtc(string value, bool endOfDay) =>
        SopTaskRange.TryRead(value, endOfDay) is { } instant ? DateTime.SpecifyKind(instant, DateTimeKind.Unspecified) : null;
}
