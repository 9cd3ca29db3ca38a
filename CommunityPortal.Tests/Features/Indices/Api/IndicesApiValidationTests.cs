using System.Net;
using System.Text.Json;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Indices.Api;

/// <summary>Bad ranges, malformed dates and unknown ids are refused with 400 naming the field; the export is ordered NDJSON.</summary>
public sealed class IndicesApiValidationTests(ApiSite factory) : IClassFixture<ApiSite>
{
    public static TheoryData<string, string, string, string> BadQueries => new()
    {
        { "en", "daily?from=2026-12-03&to=2026-12-02", "to", "To cannot be before From." },
        { "zh-CN", "channels?from=2026-12-03&to=2026-12-02", "to", "结束日期不能早于开始日期。" },
        { "en", "hours?from=2025-12-01&to=2026-12-02", "to", "From to To covers at most 366 days." },
        { "zh-CN", "groups?from=2025-12-01&to=2026-12-02", "to", "开始日期到结束日期最多 366 天。" },
        { "en", "events?from=2026-12-03&to=2026-12-01", "to", "To cannot be before From." },
        { "zh-CN", "events?from=2025-12-01&to=2026-12-02", "to", "开始日期到结束日期最多 366 天。" },
        { "en", "daily?from=2026-13-45&to=2026-12-02", "from", "The value of parameter from is invalid." },
        { "zh-CN", "cycle?from=2026-12-01&to=2026-02-30", "to", "参数 to 的值无效。" },
        { "en", "events?from=yesterday", "from", "The value of parameter from is invalid." },
        { "en", "signups?tier=Gold", "tier", "The value of parameter tier is invalid." },
        { "zh-CN", "signups?tier=7", "tier", "群级别的值无效。" },
        { "en", "daily?seriesId=987654", "seriesId", "Series does not exist." },
        { "zh-CN", "channels?activityId=987654", "activityId", "活动不存在。" },
        { "en", "hours?channelId=987654", "channelId", "Channel does not exist." },
        { "zh-CN", "retention?seriesId=987654", "seriesId", "系列不存在。" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task ABadQuery_Is400_NamingTheField_InTheCallersLanguage(string language, string query, string field, string message)
    {
        await factory.CaughtUpAsync();

        var errors = await (await factory.ClientAs(Roles.Viewer, language).GetAsync($"/api/v1/indices/{query}")).ReadFieldErrorsAsync(field);

        Assert.Equal([message], errors);
    }

    [Fact]
    public async Task UnknownIds_AreEachNamed_AndA366DayRangeIsAccepted()
    {
        await factory.CaughtUpAsync();
        var client = factory.ClientAs(Roles.Viewer, "en");

        var problem = await (await client.GetAsync("/api/v1/indices/groups?seriesId=987654&activityId=987655&channelId=987656"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["activityId", "channelId", "seriesId"], problem.Errors.Keys.Order());
        var year = await client.DailyAsync(new IndexFilter(new DateOnly(2025, 12, 2), new DateOnly(2026, 12, 2)));
        Assert.Equal(366, year.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client(key: null).GetAsync("/api/v1/indices/daily")).StatusCode);
    }

    [Fact]
    public async Task Export_StreamsNdjson_OneFactALine_InTimeOrder_WithAbsentFieldsLeftOut()
    {
        var member = await (await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/members", new { nickname = "导出" }))
            .ReadAsync<MemberResponse>(HttpStatusCode.Created);
        var now = DateTime.UtcNow;
        var sent = new[] { now.AddDays(-3), now.AddDays(-5), now.AddHours(-1), now.AddDays(-4) }
            .Select(at => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))).ToList();
        var result = await (await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/events", new
        {
            events = sent.Select(at => new
            {
                clientEventId = Guid.NewGuid().ToString("N"), type = "active", subtype = "visit", at = IndexHistory.Wire(at), member = new { memberNo = member.MemberNo },
            }),
        })).ReadAsync<EventBatchResponse>();
        Assert.Equal(4, result.Created);
        var today = DateOnly.FromDateTime(PortalTime.ToLocal(now));
        var client = factory.ClientAs(Roles.Viewer);

        var lines = (await client.ExportAsync(today.AddDays(-6), today)).Where(l => l.MemberId == member.Id).ToList();

        // Sent out of order, exported in time order; the 学号 was given after all of them.
        Assert.Equal(["active", "active", "active", "active", "memberCreated"], lines.Select(l => l.Type));
        Assert.Equal(sent.Order(), lines.Take(4).Select(l => l.At));
        var raw = await client.GetStringAsync($"/api/v1/indices/events?from={IndicesApiClient.Day(today.AddDays(-6))}&to={IndicesApiClient.Day(today)}");
        var line = JsonDocument.Parse(raw.Split('\n').First(l => l.Contains("\"active\"", StringComparison.Ordinal) && l.Contains($"\"memberId\":{member.Id}", StringComparison.Ordinal)));
        Assert.Equal(["type", "at", "id", "memberId"], line.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
