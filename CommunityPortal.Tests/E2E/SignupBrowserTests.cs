using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.List;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.Features.LiveCodes;
using CommunityPortal.Tests.Features.Signups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// People signing up on a phone inside WeChat: a mistake is shown and fixed, the new member sees their number and the QR of
/// the activity group the live code gave them (read back here from what the phone shows, as a long-press would), and a
/// blacklisted person is refused politely.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignupBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>
{

    [Fact]
    public async Task APerson_FixesABadPhone_GetsTheNextMemberNo_AndTheirGroupsQr_WhileABlacklistedPersonIsRefused()
    {
        _ = server.BaseUrl;
        var activity = await SignupSeed.ActivityAsync(server.Services, "亲子阅读 第3期");
        var groupId = await LiveCodeSeed.OpenGroupAsync(server.Services, "第3期共读1群");
        var liveCodeId = (await LiveCodeSeed.LiveCodeAsync(server.Services, "read3-groups", [new PoolEntryInput(groupId, null)])).Id;
        await SignupSeed.FormAsync(server.Services, activity.Id, "read3", f =>
        {
            f.LiveCodeId = liveCodeId;
            f.Questions = [SignupSeed.Grade()];
        });
        var spammer = await SignupSeed.MemberAsync(server.Services, "广告号", "13700000000");
        await SignupSeed.BlacklistAsync(server.Services, spammer.Id);

        var person = await chromium.NewPhoneAsync(PhoneClients.WeChatAgent);
        await person.GotoAsync(server.Url("/s/read3"));
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("亲子阅读营报名");
        Assert.Equal(0, await person.Locator("script").CountAsync());
        await person.GetByLabel("姓名").FillAsync("王小明");
        await person.GetByLabel("手机号").FillAsync("138 1234");
        await person.GetByLabel("二年级").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "提交报名" }).ClickAsync();

        await Assertions.Expect(person.Locator("#f-phone-msg")).ToHaveTextAsync("手机号须是 11 位中国大陆手机号，如 138 1234 5678。");
        await Assertions.Expect(person.GetByLabel("姓名")).ToHaveValueAsync("王小明");
        await Assertions.Expect(person.GetByLabel("二年级")).ToBeCheckedAsync();
        await Screenshots.TakeAsync(person, "signup-phone-error-zh");

        await person.GetByLabel("手机号").FillAsync("138 1234 5678");
        await person.GetByLabel("手机号").PressAsync("Enter");

        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("报名成功");
        await Assertions.Expect(person.Locator(".no")).ToHaveTextAsync("你的学号 10002");
        await Assertions.Expect(person.GetByText("长按识别二维码，加入活动群")).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByText("第3期共读1群")).ToBeVisibleAsync();
        Assert.Equal(0, await person.Locator("a[href*='/q/']").CountAsync());
        // What a long-press reads: the group's own invite, not a page to open first.
        await Assertions.Expect(person.Locator("img.qr")).ToHaveJSPropertyAsync("complete", true);
        var decoded = GroupQrReader.Read(await person.Locator("img.qr").ScreenshotAsync()).Text;
        Assert.Equal(LiveCodeSeed.Invite(groupId), decoded);
        await Screenshots.TakeAsync(person, "signup-done-zh");

        // Coming back to the page later shows the sign-up and the same group, not a second form.
        await person.GotoAsync(server.Url("/s/read3"));
        await Assertions.Expect(person.Locator("h1")).ToHaveTextAsync("你已报名");
        await Assertions.Expect(person.GetByText("第3期共读1群")).ToBeVisibleAsync();

        var blacklisted = await chromium.NewPhoneAsync(PhoneClients.WeChatAgent);
        await blacklisted.GotoAsync(server.Url("/s/read3"));
        await blacklisted.GetByLabel("姓名").FillAsync("张三");
        await blacklisted.GetByLabel("手机号").FillAsync("13700000000");
        await blacklisted.GetByLabel("一年级").CheckAsync();
        await blacklisted.GetByRole(AriaRole.Button, new() { Name = "提交报名" }).ClickAsync();

        await Assertions.Expect(blacklisted.GetByText("抱歉，你暂时无法报名这个活动。如有疑问，请联系工作人员。")).ToBeVisibleAsync();
        Assert.Equal(0, await blacklisted.Locator("[data-member-no]").CountAsync());
        using (var scope = server.Services.CreateScope())
        {
            var list = await scope.ServiceProvider.GetRequiredService<SignupListService>().ListAsync(activity.Id, new SignupQuery());
            Assert.Equal(["王小明"], list.Items.Select(s => s.Name));
            Assert.Equal("二年级", Assert.Single(list.Items[0].Answers).Value);
        }

        foreach (var page in new[] { person, blacklisted })
        {
            await page.Context.CloseAsync();
        }
    }
}
