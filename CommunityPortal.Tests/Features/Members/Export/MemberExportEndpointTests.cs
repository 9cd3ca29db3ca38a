using System.Net;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Export;

/// <summary>GET /members/export.csv: managers only; the list's address filter; a UTF-8 (BOM) CSV attachment.</summary>
public sealed class MemberExportEndpointTests(HeaderAuthSite factory) : IClassFixture<HeaderAuthSite>
{
    [Fact]
    public async Task Export_ForAManager_IsTheCsvOfTheFilterInTheAddress()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            var actor = new MemberActor("seed", "种子");
            await members.CreateAsync(new MemberInput { Nickname = "小雨妈妈", GrowthLevel = GrowthLevel.S, Phone = "13812345678" }, actor);
            await members.CreateAsync(new MemberInput { Nickname = "Amy", GrowthLevel = GrowthLevel.A }, actor);
        }
        using var client = factory.ClientAs(Roles.Manager);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.GetAsync("/members/export.csv?level=S");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^members-\d{8}-\d{4}\.csv$", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split("\r\n");
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("10001,小雨妈妈,,13812345678,", lines[1]);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task Export_BelowManager_IsForbidden(string role)
    {
        using var client = factory.ClientAs(role);

        using var response = await client.GetAsync("/members/export.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_Anonymous_IsRefused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/members/export.csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
