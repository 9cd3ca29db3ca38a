using System.Text.RegularExpressions;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.GroupQrs;
using CommunityPortal.Tests.Features.LiveCodes;
using Microsoft.Playwright;

using GroupPage = CommunityPortal.Tests.E2E.Pages.GroupPage;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// Issue 3's "done when", all through the browser: an operator makes two groups and uploads their QRs, builds a live
/// code with two channel codes and prints its poster; phones with WeChat scan the channel codes and land in the first
/// group until its threshold, then the next, then the fallback; a repeat scanner sees the same group.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCodeJourneyBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Email = "journey-op@example.com";
    private const string Password = "Journey-secret-2026";

    public Task InitializeAsync() => server.CreateUserAsync(Email, Password, Roles.Operator, "运营小周");

    public Task DisposeAsync() => Task.CompletedTask;

    private const string FirstInvite = "https://weixin.qq.com/g/AQYAAJourneyFirstGroup";
    private const string SecondInvite = "https://weixin.qq.com/g/AQYAAJourneySecondGroup";

    [Fact]
    public async Task Operator_BuildsALiveCode_PrintsItsPoster_AndScansFillTheGroupsInOrder()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Email, Password);
        var groups = new GroupPage(page, server.BaseUrl);
        await CreateGroupWithQrAsync(groups, "春季训练营1群", FirstInvite);
        await CreateGroupWithQrAsync(groups, "春季训练营2群", SecondInvite);

        var live = new LiveCodeAdminPage(page, server.BaseUrl);
        await live.CreateAsync("春季训练营海报", "spring-camp", threshold: 2, fallback: "群已满，请添加小助手微信");
        await live.AddToPoolAsync("春季训练营1群");
        await live.AddToPoolAsync("春季训练营2群");
        await Assertions.Expect(page.GetByTestId("pool-group")).ToHaveTextAsync(["春季训练营1群", "春季训练营2群"]);
        await live.AddChannelCodeAsync("公众号推文");
        await live.AddChannelCodeAsync("地铁海报");
        var urls = await page.GetByTestId("channel-code-url").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        Assert.Equal(2, urls.Length);
        var liveCodePath = new Uri(page.Url).AbsolutePath;
        await Screenshots.TakeAsync(page, "journey-livecode-zh");

        // The poster for the live code: the editor opens with its URL, and the A4 PDF carries the title in Chinese.
        await page.GetByTestId("poster").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("海报与二维码");
        await page.GetByLabel("标题").First.FillAsync("春季训练营 扫码进群");
        await page.GetByLabel("标题").First.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("poster-preview")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("下载 PDF（A4）").ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([(595, 842)], PosterServiceTests.PageSizes(pdf));
        Assert.Contains("春季训练营 扫码进群", PosterServiceTests.PdfToText(pdf));

        // Back on the live code's page, which stays open while people scan: its stats count them live.
        await live.GotoAsync(liveCodePath);
        await Assertions.Expect(page.GetByTestId("stats-empty")).ToBeVisibleAsync();

        // Four people scan the two channel codes: two seats in the first group, two in the second, then the fallback.
        var phones = new List<IPage>();
        foreach (var (url, expected, invite) in new[]
                 {
                     (urls[0], "春季训练营1群", FirstInvite), (urls[1], "春季训练营1群", FirstInvite),
                     (urls[0], "春季训练营2群", SecondInvite), (urls[1], "春季训练营2群", SecondInvite),
                 })
        {
            var phone = await chromium.NewPhoneAsync();
            phones.Add(phone);
            await phone.GotoAsync(url);
            await Assertions.Expect(phone.Locator(".group")).ToHaveTextAsync(expected);
            await Assertions.Expect(phone.GetByText("长按识别二维码加入群聊")).ToBeVisibleAsync();
            // The page draws the group's QR from its stored invite (not the uploaded screenshot): what the phone shows reads back.
            Assert.Equal(invite, GroupQrReader.Read(await phone.Locator("img.qr").ScreenshotAsync()).Text);
        }
        await Screenshots.TakeAsync(phones[0], "journey-scan-zh");
        var late = await chromium.NewPhoneAsync();
        phones.Add(late);
        var response = await late.GotoAsync(urls[1]);
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(late.GetByText("群已满，请添加小助手微信")).ToBeVisibleAsync();
        await Assertions.Expect(late.Locator(".group")).ToHaveCountAsync(0);

        // The first person scans again the same day (from the other channel): the same group, not a new seat.
        await phones[0].GotoAsync(urls[1]);
        await Assertions.Expect(phones[0].Locator(".group")).ToHaveTextAsync("春季训练营1群");

        // The stats panel counted them without a reload: 6 scans by 5 people, 4 seats, 1 repeat, 1 fallback,
        // split over the two channels and the two groups.
        await Assertions.Expect(Tile(page, "Scans")).ToHaveTextAsync("6", new() { Timeout = 20_000 });
        await Assertions.Expect(Tile(page, "UniquePeople")).ToHaveTextAsync("5");
        await Assertions.Expect(Tile(page, "NewPeople")).ToHaveTextAsync("4");
        await Assertions.Expect(Tile(page, "Repeats")).ToHaveTextAsync("1");
        await Assertions.Expect(Tile(page, "Fallbacks")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("stats-group-new")).ToHaveTextAsync(["2", "2"]);
        var article = page.GetByTestId("stats-channel-row").Filter(new() { HasText = "公众号推文" });
        var subway = page.GetByTestId("stats-channel-row").Filter(new() { HasText = "地铁海报" });
        await Assertions.Expect(article.GetByTestId("stats-channel-scans")).ToHaveTextAsync("2");
        await Assertions.Expect(subway.GetByTestId("stats-channel-scans")).ToHaveTextAsync("4");
        await Screenshots.TakeAsync(page, "journey-stats-zh");

        foreach (var phone in phones)
        {
            await phone.Context.CloseAsync();
        }
        await page.Context.CloseAsync();
    }

    private async Task CreateGroupWithQrAsync(GroupPage groups, string name, string invite)
    {
        var page = groups.Page;
        await groups.GotoAsync("/groups/new");
        await groups.Name.FillAsync(name);
        await groups.ChooseAsync("group-status", "开放");
        await groups.SaveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/groups/\d+$"), new() { Timeout = 30_000 });
        await groups.WaitInteractiveAsync();
        // The drop zone says when its file input is registered with the browser; the server's reading is then confirmed.
        await Assertions.Expect(page.GetByTestId("group-qr-drop")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByTestId("group-qr-file").SetInputFilesAsync(new FilePayload
        {
            Name = "群二维码.png", MimeType = "image/png", Buffer = QrImages.Screenshot(invite),
        });
        await Assertions.Expect(page.GetByTestId("group-qr-preview-payload")).ToHaveTextAsync(invite);
        await page.GetByTestId("group-qr-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("group-qr-payload")).ToHaveTextAsync(invite);
    }

    private static ILocator Tile(IPage page, string key) => page.GetByTestId($"stat-{key}").Locator(".stats-tile-value");

}
