using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using CommunityPortal.Tests.Features.GroupQrs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using GroupPage = CommunityPortal.Tests.E2E.Pages.GroupPage;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// The group QR panel in a real browser: chromium sends the chosen image, the server reads the QR code in it and shows
/// the invite, which is stored once the operator confirms it; an image without a QR code, a personal contact QR, a web page, a non-image and an oversized file are
/// refused with the reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupQrBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string OperatorEmail = "qr-op@example.com";
    private const string ViewerEmail = "qr-viewer@example.com";
    private const string Password = "Op-secret-2026";

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(OperatorEmail, Password, Roles.Operator, "运营小李");
        await server.CreateUserAsync(ViewerEmail, Password, Roles.Viewer, "观察员");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> CreateGroupAsync(string name)
    {
        using var scope = server.Services.CreateScope();
        var group = await scope.ServiceProvider.GetRequiredService<GroupService>()
            .CreateAsync(new GroupInput { Name = name, Capacity = 200, Status = GroupStatus.Open });
        return group.Id;
    }

    private async Task<GroupQrDto?> CurrentAsync(int groupId)
    {
        using var scope = server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GroupQrService>().GetCurrentAsync(groupId);
    }

    /// <summary>Sets the file once the drop zone says its file input is registered with the browser (data-ready).</summary>
    private static async Task ChooseAsync(IPage page, string name, byte[] bytes, string mimeType = "image/png")
    {
        await Assertions.Expect(page.GetByTestId("group-qr-drop")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByTestId("group-qr-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = bytes });
    }

    /// <summary>The server read the chosen image: its invite is shown, and the operator puts it in use.</summary>
    private static async Task ConfirmAsync(IPage page, string invite)
    {
        await Assertions.Expect(page.GetByTestId("group-qr-preview-payload")).ToHaveTextAsync(invite);
        await page.GetByTestId("group-qr-confirm").ClickAsync();
    }

    private async Task<(IPage Page, GroupPage Group)> OpenAsync(string email, int groupId)
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(email, Password);
        var group = new GroupPage(page, server.BaseUrl);
        await group.OpenAsync(groupId);
        return (page, group);
    }

    [Fact]
    public async Task Upload_PhotoOfThePhone_IsReadByTheServer_Stored_AndReplacedByTheNextScreenshot()
    {
        var groupId = await CreateGroupAsync("二维码测试群");
        var (page, _) = await OpenAsync(OperatorEmail, groupId);
        var status = page.GetByTestId("group-qr-status");
        await Assertions.Expect(page.GetByTestId("group-qr-empty")).ToBeVisibleAsync();

        const string first = "https://weixin.qq.com/g/AQYAAFirstInviteToken_2026-11";
        await ChooseAsync(page, "手机拍照.jpg", QrImages.PhonePhoto(first, new PhotoConditions(0.4, 4, 1.0f, 10, 70)), "image/jpeg");
        await Assertions.Expect(page.GetByTestId("group-qr-preview-payload")).ToHaveTextAsync(first);
        Assert.Null(await CurrentAsync(groupId));
        await page.GetByTestId("group-qr-preview").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "group-qr-preview-zh");
        await page.GetByTestId("group-qr-confirm").ClickAsync();

        await Assertions.Expect(status).ToContainTextAsync("新的群二维码已生效");
        await Assertions.Expect(page.GetByTestId("group-qr-payload")).ToHaveTextAsync(first);
        Assert.Equal(first, (await CurrentAsync(groupId))?.Payload);
        await Assertions.Expect(page.GetByTestId("group-qr-image")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await page.GetByTestId("group-qr-image").EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await Assertions.Expect(page.GetByTestId("group-qr-expiry")).ToContainTextAsync("有效期至");
        await page.GetByTestId("group-qr").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "group-qr-zh");

        const string second = "https://weixin.qq.com/g/AQYAASecondInviteToken";
        await ChooseAsync(page, "new.png", QrImages.Screenshot(second));
        await ConfirmAsync(page, second);
        await Assertions.Expect(page.GetByTestId("group-qr-payload")).ToHaveTextAsync(second);
        await Assertions.Expect(page.GetByTestId("group-qr-history-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("group-qr-history-row")).ToContainTextAsync(first);
        Assert.Equal(second, (await CurrentAsync(groupId))?.Payload);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Upload_ImageWithoutQr_PersonalCode_WebPage_NonImage_OrTooLarge_IsRefusedWithTheReason_InBothLanguages()
    {
        var groupId = await CreateGroupAsync("拒绝测试群");
        var (page, portal) = await OpenAsync(OperatorEmail, groupId);
        var status = page.GetByTestId("group-qr-status");

        await ChooseAsync(page, "风景.png", QrImages.PlainPng());
        await Assertions.Expect(status).ToContainTextAsync("图片里没有找到二维码");

        await ChooseAsync(page, "名片.png", QrImages.Png("https://u.wechat.com/EMpersonal123"));
        await Assertions.Expect(status).ToContainTextAsync("个人名片");

        await ChooseAsync(page, "readme.png", "not really a png"u8.ToArray(), "text/plain");
        await Assertions.Expect(status).ToContainTextAsync("这不是图片");

        await ChooseAsync(page, "huge.png", QrBytes.Png(GroupQr.MaxImageBytes + 1));
        await Assertions.Expect(status).ToContainTextAsync("图片太大（8.0 MB），最大 8 MB");
        Assert.Null(await CurrentAsync(groupId));

        await portal.SwitchLanguageAsync("en");
        await ChooseAsync(page, "landscape.png", QrImages.PlainPng());
        await Assertions.Expect(page.GetByTestId("group-qr-status")).ToContainTextAsync("No QR code was found");
        await ChooseAsync(page, "site.png", QrImages.Png("https://example.com/join"));
        await Assertions.Expect(page.GetByTestId("group-qr-status")).ToContainTextAsync("web page https://example.com/join");
        Assert.Null(await CurrentAsync(groupId));

        await ChooseAsync(page, "ok.png", QrImages.Png("https://weixin.qq.com/g/AQYAAEnglishToken"));
        await ConfirmAsync(page, "https://weixin.qq.com/g/AQYAAEnglishToken");
        await Assertions.Expect(page.GetByTestId("group-qr-status")).ToContainTextAsync("The new group QR code is in use");
        await page.GetByTestId("group-qr").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "group-qr-en");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Viewer_SeesTheQr_ButNoUploadControl()
    {
        var groupId = await CreateGroupAsync("只读测试群");
        using (var scope = server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GroupQrService>()
                .UploadAsync(groupId, QrImages.Png(QrBytes.Invite), null, null);
        }
        var (page, _) = await OpenAsync(ViewerEmail, groupId);

        await Assertions.Expect(page.GetByTestId("group-qr-payload")).ToHaveTextAsync(QrBytes.Invite);
        await Assertions.Expect(page.GetByTestId("group-qr-file")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
