using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using CommunityPortal.Features.Sop.Feed;
using CommunityPortal.Features.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Feed;

public sealed partial class SopFeedPanelTests : ComponentTest
{
    private const string UserId = "feed-panel-user";

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SopFeedTokens>();
    }

    private SopFeedTokens Tokens => Get<SopFeedTokens>();

    private async Task SignInWithAccountAsync()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.Add(new ApplicationUser { Id = UserId, UserName = "feed@example.cn", Email = "feed@example.cn", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        Auth.SetAuthorized("feed@example.cn");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    private static string TokenOf(string url) => FeedUrl().Match(url).Groups["token"].Value;

    [Fact]
    public async Task NoAddressYet_Make_ShowsAWorkingAddressOnce_WithTheWaysToSubscribe()
    {
        using var culture = Chinese();
        await SignInWithAccountAsync();
        var cut = Render<SopFeedPage>();
        cut.WaitForElement("[data-testid=feed-none]");
        Assert.Equal("你还没有日历订阅地址。", cut.Find("[data-testid=feed-none]").TextContent);
        Assert.Equal("我的日历订阅", cut.Find("[data-testid=page-title]").TextContent);

        cut.Find("[data-testid=feed-create]").Click();

        var url = cut.WaitForElement("#sop-feed-url").GetAttribute("value")!;
        Assert.Matches(FeedUrl(), url);
        Assert.StartsWith("http://localhost/sop/feed/", url);
        Assert.Equal(UserId, (await Tokens.FindUserAsync(TokenOf(url)))?.Id);
        Assert.Equal("webcal" + url[4..], cut.Find("[data-testid=feed-subscribe]").GetAttribute("href"));
        Assert.Contains("只显示这一次", cut.Find("[data-testid=feed-shown-once]").TextContent);
        Assert.Contains("Google 日历", cut.Find("[data-testid=feed-help]").TextContent);
        Assert.Contains("Outlook", cut.Find("[data-testid=feed-help]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=feed-public-address]"));
    }

    [Fact]
    public async Task InEnglish_WithAPublicAddress_TheAddressCarriesBoth()
    {
        using var culture = new CultureScope("en");
        PublicAddressSetting.PublicBaseUrl = "https://qun.example.com/portal/";
        await SignInWithAccountAsync();
        var cut = Render<SopFeedPanel>();

        cut.WaitForElement("[data-testid=feed-create]").Click();

        var url = cut.WaitForElement("#sop-feed-url").GetAttribute("value")!;
        Assert.StartsWith("https://qun.example.com/portal/sop/feed/", url);
        Assert.EndsWith(".ics?lang=en", url);
        Assert.Empty(cut.FindAll("[data-testid=feed-public-address]"));
    }

    [Fact]
    public async Task AfterComingBack_TheAddressIsNotShownAgain_OnlyThatOneIsActive()
    {
        using var culture = Chinese();
        await SignInWithAccountAsync();
        var token = await Tokens.CreateAsync(UserId);

        var cut = Render<SopFeedPanel>();

        Assert.Contains("起有效", cut.WaitForElement("[data-testid=feed-active]").TextContent);
        Assert.Empty(cut.FindAll("#sop-feed-url"));
        Assert.DoesNotContain(token, cut.Markup);
    }

    [Fact]
    public async Task Regenerate_AsksFirst_ThenTheOldAddressStopsWorking()
    {
        using var culture = Chinese();
        await SignInWithAccountAsync();
        var old = await Tokens.CreateAsync(UserId);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SopFeedPanel>();

        cut.WaitForElement("[data-testid=feed-regenerate]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("当前地址会立即失效", dialogs.Find("[data-testid=confirm-question]").TextContent));
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-question]")));
        Assert.NotNull(await Tokens.FindUserAsync(old));

        cut.Find("[data-testid=feed-regenerate]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("重新生成", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim()));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        var url = cut.WaitForElement("#sop-feed-url").GetAttribute("value")!;
        Assert.NotEqual(old, TokenOf(url));
        Assert.Null(await Tokens.FindUserAsync(old));
        Assert.Equal(UserId, (await Tokens.FindUserAsync(TokenOf(url)))?.Id);
    }

    [Fact]
    public async Task Revoke_AsksFirst_ThenTheAddressIsGone()
    {
        using var culture = Chinese();
        await SignInWithAccountAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SopFeedPanel>();
        cut.WaitForElement("[data-testid=feed-create]").Click();
        var token = TokenOf(cut.WaitForElement("#sop-feed-url").GetAttribute("value")!);

        cut.Find("[data-testid=feed-revoke]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("停用地址", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim()));
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForElement("[data-testid=feed-none]");
        Assert.Empty(cut.FindAll("#sop-feed-url"));
        Assert.Null(await Tokens.FindUserAsync(token));
        Assert.False((await Tokens.GetAsync(UserId)).IsActive);
    }

    [GeneratedRegex(@"^https?://.+/sop/feed/(?<token>[A-Za-z0-9_-]{43})\.ics(\?lang=en)?$")]
    private static partial Regex FeedUrl();
}
