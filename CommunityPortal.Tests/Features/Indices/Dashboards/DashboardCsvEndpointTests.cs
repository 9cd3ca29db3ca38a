using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityPortal.Features.Indices.Live;
using CommunityPortal.Features.Indices.Queries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>The app with header sign-in and fake indices (the aggregator is not part of these tests).</summary>
public sealed class DashboardSite() : PortalFactory(new() { HeaderAuth = true, Clock = IndexSamples.Clock() })
{
    public FakeIndexQueries Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services
            .AddSingleton<IIndexQueries>(Queries)
            .AddSingleton<IIndexChanges>(new FakeIndexChanges()));
    }
}

/// <summary>GET /indices/{view}/{table}.csv: the table under a chart as a file; a bad range is a 400 naming the field.</summary>
public sealed class DashboardCsvEndpointTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    [Fact]
    public async Task Csv_IsTheTableOfTheFilterInTheAddress()
    {
        site.Queries.Channels = IndexSamples.Channels();
        using var client = Operator();

        using var response = await client.GetAsync("/indices/channels/channels.csv?from=2026-11-01&to=2026-11-30&channel=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("channels-20261101-20261130.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(new IndexFilter(new(2026, 11, 1), new(2026, 11, 30), ChannelId: 1), site.Queries.LastFilter);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("渠道,类型,扫码,独立访客,分配到群,获得成员,报名,购买,收入（元）,成本（元）,每位成员成本（元）,ROI", lines[0]);
        Assert.Equal("公众号推文,文章,500,400,350,120,40,10,2990.00,1000.00,8.33,1.99", lines[1]);
        // A name that looks like a formula is text; a channel with no cost has no cost per member and no ROI (empty, not 0).
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",付费广告,80,70,60,20,0,0,0.00,,,", lines[2]);
    }

    [Fact]
    public async Task Csv_WithTheEndBeforeTheStart_Is400NamingTheField()
    {
        using var client = Operator();

        using var response = await client.GetAsync("/indices/daily/daily.csv?from=2026-12-10&to=2026-12-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["结束日期不能早于开始日期。"], problem!.Errors["To"]);
    }

    [Fact]
    public async Task Csv_OfAnUnknownTable_IsNotFound()
    {
        using var client = Operator();

        using var response = await client.GetAsync("/indices/daily/groups.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Csv_ForAViewer_IsForbidden()
    {
        using var client = site.ClientAs(Roles.Viewer);

        using var response = await client.GetAsync("/indices/daily/daily.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private HttpClient Operator()
    {
        var client = site.ClientAs(Roles.Operator);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }
}
