using System.Text;
using System.Text.RegularExpressions;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.LiveCodes;
using CommunityPortal.Tests.Features.Signups;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using MemberProfilePage = CommunityPortal.Tests.E2E.Pages.MemberProfilePage;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// Issue 4's "done when", through the browser: a manager imports members from a GBK CSV saved by Excel, tags them in
/// bulk and saves the segment, blacklists a spammer who is then refused on the phone sign-up page, and a new person
/// signs up, gets the next 学号 and sees the activity's live code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MembersJourneyBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "journey-manager@example.com";
    private const string Password = "Journey-members-2026";

    static MembersJourneyBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(Email, Password, Roles.Manager, "运营经理");
        using var scope = server.Services.CreateScope();
        var tags = scope.ServiceProvider.GetRequiredService<TagService>();
        var group = await tags.CreateGroupAsync(new TagGroupInput { Name = "意向", Kind = TagGroupKind.Attribute });
        await tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = "高意向", Colour = "#E53935" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_ImportsTagsSegmentsAndBlacklists_ThenTheSpammerIsRefused_AndANewPersonGetsTheNextNumber()
    {
        // The activity's sign-up form shows a live code afterwards.
        var groupId = await LiveCodeSeed.OpenGroupAsync(server.Services, "训练营1群");
        var code = await LiveCodeSeed.LiveCodeAsync(server.Services, "camp-groups", [new PoolEntryInput(groupId, null)]);
        var activity = await SignupSeed.ActivityAsync(server.Services, "21天训练营 第1期");
        await SignupSeed.FormAsync(server.Services, activity.Id, "camp1", f => f.LiveCodeId = code.Id);

        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        var portal = new PortalPage(page, server.BaseUrl);

        // 1. Import: the list page's button, a GBK file as Chinese Excel saves it, the preview, the import.
        await portal.GotoAsync("/members");
        await page.GetByTestId("import-members").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "会员名单.csv", MimeType = "text/csv",
            Buffer = Encoding.GetEncoding("GBK").GetBytes(
                "昵称,手机,成长等级\r\n小雨妈妈,13800138000,S\r\n豆豆爸爸,13800138001,S\r\n广告号,13700000000,C\r\n"),
        });
        await Assertions.Expect(page.GetByTestId("import-encoding-used")).ToContainTextAsync("GBK");
        await Assertions.Expect(page.GetByTestId("import-ready")).ToContainTextAsync("新建 3 位会员");
        await page.GetByTestId("import-start").ClickAsync();
        await Assertions.Expect(portal.Dialog).ToContainTextAsync("新建 3 位会员");
        await portal.ConfirmAsync();
        await Assertions.Expect(page.GetByTestId("import-result-numbers")).ToHaveTextAsync("新会员的学号：10001–10003", new() { Timeout = 30_000 });

        // 2. Tag the S members in bulk and save them as a segment.
        await portal.GotoAsync("/members?level=S");
        await Assertions.Expect(page.GetByTestId("members-total")).ToContainTextAsync("筛选出 2 位会员");
        await Assertions.Expect(MemberRows(page).First).ToContainTextAsync("豆豆爸爸");
        await portal.ChooseAsync("bulk-tag", "意向 · 高意向");
        await page.GetByTestId("bulk-add-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-question")).ToContainTextAsync("全部 2 位会员");
        await page.GetByTestId("bulk-confirm").ClickAsync();
        await Assertions.Expect(MemberRows(page).Filter(new() { HasText = "高意向" })).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await page.GetByTestId("save-segment").ClickAsync();
        await page.Locator("#segment-name").FillAsync("S类高意向");
        await page.Locator("#segment-name").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"seg=\d+$"));
        await Assertions.Expect(page.GetByTestId("segment-count")).ToHaveTextAsync("共 2 人");

        // 3. Blacklist the spammer from the profile.
        int spammerId;
        using (var scope = server.Services.CreateScope())
        {
            spammerId = (await scope.ServiceProvider.GetRequiredService<MemberService>().GetByNumberAsync(10003)).Id;
        }
        var profile = new MemberProfilePage(page, server.BaseUrl);
        await profile.OpenAsync(spammerId);
        await profile.BlacklistAsync("群内发广告");
        await Assertions.Expect(profile.BlacklistBanner).ToContainTextAsync("群内发广告");
        await page.Context.CloseAsync();

        // 4. The spammer tries the sign-up page on the phone: refused, nothing written.
        var spammer = await chromium.NewPhoneAsync();
        await spammer.GotoAsync(server.Url("/s/camp1"));
        await spammer.GetByLabel("姓名").FillAsync("广告号");
        await spammer.GetByLabel("手机号").FillAsync("13700000000");
        await spammer.GetByLabel("手机号").PressAsync("Enter");
        await Assertions.Expect(spammer.GetByText("抱歉，你暂时无法报名这个活动。如有疑问，请联系工作人员。")).ToBeVisibleAsync();

        // 5. A new person signs up: the next 学号 and the activity's live code.
        var person = await chromium.NewPhoneAsync();
        await person.GotoAsync(server.Url("/s/camp1"));
        await person.GetByLabel("姓名").FillAsync("王小明");
        await person.GetByLabel("手机号").FillAsync("139 1234 5678");
        await person.GetByLabel("手机号").PressAsync("Enter");
        await Assertions.Expect(person.Locator(".no")).ToHaveTextAsync("你的学号 10004");
        await Assertions.Expect(person.Locator("img.qr")).ToBeVisibleAsync();
        await Assertions.Expect(person.GetByText("训练营1群")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(person, "journey-signup-done-zh");

        foreach (var phone in new[] { spammer, person })
        {
            await phone.Context.CloseAsync();
        }
    }

    /// <summary>The member list's rows: the grid's rows that link a 学号.</summary>
    private static ILocator MemberRows(IPage page) =>
        page.GetByTestId("members-grid").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId("member-no") });
}
