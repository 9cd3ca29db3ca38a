using System.Net;
using CommunityPortal.Features.Indices.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Wall;

public sealed class WallEndpointTests(IndicesSite site) : IClassFixture<IndicesSite>
{
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    private async Task<CreatedWallLink> LinkAsync(string name = "会议室大屏")
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WallLinks>().CreateAsync(name, "李经理");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await site.Client(null).SendAsync(request);
    }

    [Fact]
    public async Task WallPage_WithAWorkingLink_IsChinese_WhateverTheBrowserChose_AndStartsBlazorItsOwnWay()
    {
        var link = await LinkAsync();

        var html = await HtmlAssert.PageAsync(await GetAsync($"/wall/{link.Token}", EnglishCookie), HttpStatusCode.OK);

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("今日新会员", html);
        Assert.Contains("1,234", html);
        Assert.Contains("autostart=\"false\"", html);
        Assert.Matches("<script src=\"js/wall[^\"]*\\.js\"></script>", html);
        // The portal's reconnect dialog would reload on its own terms and give up after a while: not on a TV.
        Assert.DoesNotContain("components-reconnect-modal", html);
    }

    [Fact]
    public async Task OtherPages_StillStartBlazorAsBefore()
    {
        var html = await HtmlAssert.PageAsync(await GetAsync("/not-found"), HttpStatusCode.OK);

        Assert.Contains("components-reconnect-modal", html);
        Assert.DoesNotContain("autostart", html);
        Assert.DoesNotContain("<script src=\"js/wall", html);
    }

    [Fact]
    public async Task WallPage_WithARevokedLink_SendsTheScreenToTheNotValidPage()
    {
        var link = await LinkAsync();
        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WallLinks>().RevokeAsync(link.Link.Id);
        }

        var response = await GetAsync($"/wall/{link.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(WallEndpoints.InvalidPath, response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("今日新会员", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/wall/made-up")]
    [InlineData("/wall/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task WallPage_WithAMadeUpToken_SendsTheScreenToTheNotValidPage(string path)
    {
        var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(WallEndpoints.InvalidPath, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task NotValidPage_Is404_InChinese_WithNoFiguresAndNoScript()
    {
        var html = await HtmlAssert.PageAsync(await GetAsync(WallEndpoints.InvalidPath, EnglishCookie), HttpStatusCode.NotFound);

        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("此大屏链接无效", html);
        Assert.Contains("请向管理员索取新的大屏链接", html);
        Assert.DoesNotContain("今日新会员", html);
        Assert.DoesNotContain("<script", html);
    }

    [Theory]
    [InlineData(Roles.Manager, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.Operator, HttpStatusCode.Redirect)]
    [InlineData(Roles.Viewer, HttpStatusCode.Redirect)]
    public async Task WallLinksPage_IsForManagers(string role, HttpStatusCode expected)
    {
        var email = $"wall-{role.ToLowerInvariant()}@example.cn";
        await site.CreateUserAsync(email, "Wall-secret-2026", role);
        var cookie = await CookieSignIn.SignInAsync(site, email, "Wall-secret-2026");

        var response = await GetAsync("/indices/wall-links", cookie);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        }
        else
        {
            Assert.Contains("大屏链接", await response.Content.ReadAsStringAsync());
        }
    }
}
