using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Public;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups.Public;

/// <summary>GET/POST /s/{slug}: the public page as a phone sees it, end to end through the real app.</summary>
public sealed class SignupEndpointTests : IAsyncLifetime
{
    private readonly SignupSite _factory = new();
    private int _activityId;

    private IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync() => _activityId = (await SignupSeed.ActivityAsync(Services)).Id;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Set<T>().CountAsync();
    }

    private static FormUrlEncodedContent Fields(FormToken token, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), new(FormToken.FieldName, token.Token)]);

    /// <summary>Opens the page on a phone and sends the form as the person filled it in.</summary>
    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient phone, string slug, params (string Name, string Value)[] fields)
    {
        using var page = await phone.GetAsync($"/s/{slug}");
        var token = await FormToken.ReadAsync(page);
        return await phone.PostAsync($"/s/{slug}", Fields(token, fields));
    }

    [Fact]
    public async Task Get_IsOneSmallPlainHtmlDocument_WithoutBlazor_AndCarriesAnAntiforgeryToken()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);

        using var response = await _factory.Phone().GetAsync("/s/read1");
        var html = await HtmlAssert.PageAsync(response, HttpStatusCode.OK);

        Assert.True(Encoding.UTF8.GetByteCount(html) < 30 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<html lang=\"zh-CN\"", html);
        Assert.Contains("亲子阅读营报名", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains("<label for=\"f-name\">姓名", html);
        Assert.Contains("type=\"tel\" id=\"f-phone\"", html);
        Assert.Contains("type=\"radio\" name=\"q_q1\" value=\"二年级\"", html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Get_InEnglish_WhenThePortalCultureCookieSaysSo()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1");
        var client = _factory.Bare();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = await client.GetStringAsync("/s/read1");

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains(">Sign up</button>", html);
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_OrItsCookie_IsRefused_AndNothingIsWritten()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1");
        using var page = await _factory.Bare().GetAsync("/s/read1");
        var token = await FormToken.ReadAsync(page);

        var noField = new HttpRequestMessage(HttpMethod.Post, "/s/read1")
        {
            Content = new FormUrlEncodedContent([new("name", "王小明"), new("phone", "13812345678")]),
        };
        noField.Headers.Add("Cookie", token.Cookie);
        using var withoutField = await _factory.Bare().SendAsync(noField);
        using var withoutCookie = await _factory.Bare().PostAsync("/s/read1", Fields(token, ("name", "王小明"), ("phone", "13812345678")));
        using var forged = await _factory.Bare().SendAsync((token with { Token = token.Token[..^4] + "AAAA" }).Post("read1", ("name", "王小明"), ("phone", "13812345678")));

        foreach (var response in new[] { withoutField, withoutCookie, forged })
        {
            Assert.Contains("页面已过期", await HtmlAssert.PageAsync(response, HttpStatusCode.BadRequest));
        }
        Assert.Equal(0, await CountAsync<Member>());
        Assert.Equal(0, await CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Post_BadPhone_ShowsTheMessageUnderThePhone_AndKeepsEveryValue()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1", f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);

        using var response = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "1381234"), ("q_q1", "二年级"), ("q_q2", "西游记"));
        var html = await HtmlAssert.PageAsync(response, HttpStatusCode.BadRequest);

        Assert.Matches("id=\"f-phone\"[^>]*aria-invalid=\"true\"[^>]*><p class=\"msg\" id=\"f-phone-msg\">手机号须是 11 位中国大陆手机号", html);
        Assert.Contains("id=\"f-name\" name=\"name\" value=\"王小明\"", html);
        Assert.Contains("value=\"1381234\"", html);
        Assert.Contains("value=\"二年级\" checked", html);
        Assert.Contains("value=\"西游记\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Fact]
    public async Task Post_NewPerson_SeesTheirMemberNo_AndTheirActivityGroupsQr_ToLongPress()
    {
        var group = await LiveCodeSeed.OpenGroupAsync(Services, "阅读营1群");
        var live = (await LiveCodeSeed.LiveCodeAsync(Services, "read-groups", [new PoolEntryInput(group, null)])).Id;
        await SignupSeed.MemberAsync(Services, "老会员", "13900000001");
        await SignupSeed.FormAsync(Services, _activityId, "read1", f => f.LiveCodeId = live);

        using var response = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "138 1234 5678"));
        var html = await HtmlAssert.PageAsync(response, HttpStatusCode.OK);

        Assert.Contains("报名成功", html);
        Assert.Contains("你的学号 <b data-member-no>10002</b>", html);
        // The group's own QR (SignupReceiptGroupTests reads it back), not the live code's page: no second hop.
        Assert.Matches("<img class=\"qr drawn\" src=\"data:image/png;base64,[A-Za-z0-9+/=]+\" alt=\"活动群二维码\">", html);
        Assert.Contains("长按识别二维码，加入活动群", html);
        Assert.Contains("阅读营1群", html);
        Assert.DoesNotContain("/q/read-groups", html);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 30 * 1024);
        Assert.Equal(1, await CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Post_AHundredAtOnce_ExactlyTheCapacitySignUp_AndTheRestAreToldItIsFull()
    {
        const int capacity = 37;
        await SignupSeed.FormAsync(Services, _activityId, "rush", f => f.Capacity = capacity);
        using var page = await _factory.Bare().GetAsync("/s/rush");
        var token = await FormToken.ReadAsync(page);
        var client = _factory.Bare();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            using var response = await client.SendAsync(token.Post("rush", ("name", $"家长{i}"), ("phone", $"138{i:D8}")));
            return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(capacity, responses.Count(r => r.StatusCode == HttpStatusCode.OK && r.Html.Contains("报名成功")));
        Assert.Equal(100 - capacity, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Html.Contains("名额已满")));
        Assert.Equal(capacity, await CountAsync<ActivitySignup>());
        Assert.Equal(capacity, await CountAsync<Member>());
        var numbers = responses.Select(r => Regex.Match(r.Html, "data-member-no>(\\d+)<")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(Member.FirstMemberNo, capacity), numbers);
    }

    [Fact]
    public async Task Post_Blacklisted_IsRefusedPolitely_AndNothingIsWritten()
    {
        var spammer = await SignupSeed.MemberAsync(Services, "广告号", "13700000000");
        await SignupSeed.BlacklistAsync(Services, spammer.Id);
        await SignupSeed.FormAsync(Services, _activityId, "read1");

        using var response = await SignUpAsync(_factory.Phone(), "read1", ("name", "张三"), ("phone", "13700000000"));
        var html = await HtmlAssert.PageAsync(response, HttpStatusCode.Forbidden);

        Assert.Contains("抱歉，你暂时无法报名这个活动。如有疑问，请联系工作人员。", html);
        Assert.DoesNotContain("黑名单", html);
        Assert.DoesNotContain("10001", html);
        Assert.Equal(0, await CountAsync<ActivitySignup>());
        Assert.Equal(1, await CountAsync<Member>());
    }

    [Fact]
    public async Task Post_Twice_ShowsTheExistingSignupWithItsTime_AndComingBackShowsItToo()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1");
        var phone = _factory.Phone();
        using var first = await SignUpAsync(phone, "read1", ("name", "王小明"), ("phone", "13812345678"));
        Assert.Contains("报名成功", await first.Content.ReadAsStringAsync());

        using var second = await SignUpAsync(_factory.Phone(), "read1", ("name", "王小明"), ("phone", "13812345678"));
        var again = await HtmlAssert.PageAsync(second, HttpStatusCode.OK);
        var back = await phone.GetStringAsync("/s/read1");

        Assert.Contains("你已报名", again);
        Assert.Matches("你已于 \\d{4}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2} 报名", again);
        Assert.Contains("你的学号 <b data-member-no>10001</b>", again);
        Assert.Contains("你已报名", back);
        Assert.DoesNotContain("<form", back);
        Assert.Equal(1, await CountAsync<ActivitySignup>());
    }

    [Fact]
    public async Task Get_BeforeItOpens_OrAfterItCloses_SaysSo_AndThePreviewStillShowsTheForm()
    {
        var opens = DateTime.UtcNow.AddDays(2);
        await SignupSeed.FormAsync(Services, _activityId, "soon", f => f.OpensAt = opens);
        var other = (await SignupSeed.ActivityAsync(Services, "第0期")).Id;
        await SignupSeed.FormAsync(Services, other, "gone", f => (f.OpensAt, f.ClosesAt) = (DateTime.UtcNow.AddDays(-3), DateTime.UtcNow.AddDays(-1)));

        using var soon = await _factory.Bare().GetAsync("/s/soon");
        using var gone = await _factory.Bare().GetAsync("/s/gone");
        var preview = await _factory.Bare().GetStringAsync("/s/gone?preview=1");

        using (new CultureScope("zh-CN"))
        {
            Assert.Contains($"报名将于 {SignupPage.LocalTime(opens)} 开始", await HtmlAssert.PageAsync(soon, HttpStatusCode.Conflict));
        }
        Assert.Contains("报名已截止", await HtmlAssert.PageAsync(gone, HttpStatusCode.Conflict));
        Assert.Contains("data-preview", preview);
        Assert.Contains("<button type=\"submit\" disabled>", preview);
    }

    [Fact]
    public async Task Post_AfterItClosed_IsRefused_AndNoMemberIsMade()
    {
        await SignupSeed.FormAsync(Services, _activityId, "read1");
        using var page = await _factory.Bare().GetAsync("/s/read1");
        var token = await FormToken.ReadAsync(page);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Set<SignupForm>().ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosesAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        using var response = await _factory.Bare().SendAsync(token.Post("read1", ("name", "王小明"), ("phone", "13812345678")));

        Assert.Contains("报名已截止", await HtmlAssert.PageAsync(response, HttpStatusCode.Conflict));
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Fact]
    public async Task Post_WithASignedUnionId_FindsThatMember_ButABareUnionIdIsIgnored()
    {
        const string union = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";
        var member = await SignupSeed.MemberAsync(Services, "豆豆妈妈", unionId: union);
        await SignupSeed.FormAsync(Services, _activityId, "read1", f => f.AskPhone = AskPhone.Optional);
        var other = (await SignupSeed.ActivityAsync(Services, "第2期")).Id;
        await SignupSeed.FormAsync(Services, other, "read2", f => f.AskPhone = AskPhone.Optional);
        var signed = Services.GetRequiredService<SignupTokens>().ProtectUnionId(union);

        var phone = _factory.Phone();
        using var page = await phone.GetAsync($"/s/read1?unionid={Uri.EscapeDataString(signed)}");
        var token = await FormToken.ReadAsync(page);
        using var trusted = await phone.PostAsync("/s/read1", Fields(token, ("name", "豆豆妈妈"), ("unionid", signed)));
        using var bare = await SignUpAsync(_factory.Phone(), "read2", ("name", "冒名者"), ("unionid", union));

        Assert.Contains($"data-member-no>{member.MemberNo}<", await HtmlAssert.PageAsync(trusted, HttpStatusCode.OK));
        Assert.DoesNotContain($"data-member-no>{member.MemberNo}<", await HtmlAssert.PageAsync(bare, HttpStatusCode.OK));
        Assert.Equal(2, await CountAsync<Member>());
    }

    [Fact]
    public async Task Get_UnknownSlug_IsNotFound()
    {
        using var response = await _factory.Bare().GetAsync("/s/nobody");

        Assert.Contains("这个报名链接无效", await HtmlAssert.PageAsync(response, HttpStatusCode.NotFound));
    }
}

/// <summary>The per-address limit on submissions: 429 with Retry-After, before anything is read or written.</summary>
public sealed class SignupThrottleTests : IAsyncLifetime
{
    private readonly SignupSite _factory = new(postsPerMinute: 2);

    public async Task InitializeAsync()
    {
        var activity = await SignupSeed.ActivityAsync(_factory.Services);
        await SignupSeed.FormAsync(_factory.Services, activity.Id, "read1");
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Post_MoreThanTheLimitInAMinute_Is429_WithRetryAfter_AndNotWritten()
    {
        using var page = await _factory.Bare().GetAsync("/s/read1");
        var token = await FormToken.ReadAsync(page);
        var client = _factory.Bare();

        using var first = await client.SendAsync(token.Post("read1", ("name", "甲"), ("phone", "13800000001")));
        using var second = await client.SendAsync(token.Post("read1", ("name", "乙"), ("phone", "13800000002")));
        using var third = await client.SendAsync(token.Post("read1", ("name", "丙"), ("phone", "13800000003")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Contains("请稍后再试", await HtmlAssert.PageAsync(third, HttpStatusCode.TooManyRequests));
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await using var db = await _factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.Set<ActivitySignup>().CountAsync());
    }
}
