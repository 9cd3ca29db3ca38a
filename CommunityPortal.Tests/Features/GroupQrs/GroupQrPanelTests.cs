using Bunit;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Tests.Features.Matrix;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommunityPortal.Tests.Features.GroupQrs;

public sealed class GroupQrPanelTests : MatrixComponentTestBase
{
    private GroupQrService Qrs => Services.GetRequiredService<GroupQrService>();

    private static InputFileContent File(byte[] bytes, string name = "qr.png", string type = "image/png") =>
        InputFileContent.CreateFromBinary(bytes, name, contentType: type);

    /// <summary>Writes a QR row directly: the service refuses expiries in the past, but time passes.</summary>
    private async Task StoreQrAsync(int groupId, string payload, DateTime expiresAt, DateTime? replacedAt = null)
    {
        await using var db = Database.CreateDbContext();
        db.Add(new GroupQr
        {
            GroupId = groupId, Payload = payload, Image = QrBytes.Png(), ImageContentType = "image/png",
            UploadedAt = DateTime.UtcNow.AddDays(-8), ExpiresAt = expiresAt, ReplacedAt = replacedAt,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task GroupWithoutQr_ShowsEmptyState_AndTheUploadControl()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "新群", 0);

        var cut = Render<GroupPage>(p => p.Add(x => x.Id, group.Id));

        cut.WaitForAssertion(() => Assert.Contains("还没有群二维码", cut.Find("[data-testid=group-qr-empty]").TextContent));
        Assert.Contains("上传群二维码", cut.Find("[data-testid=group-qr-upload]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=group-qr-file]"));
    }

    [Fact]
    public async Task CurrentQr_ShowsImagePayloadAndExpiry_AndTheHistory()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "老群", 10);
        await StoreQrAsync(group.Id, QrBytes.Invite + "old", DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(-2));
        var current = await Qrs.UploadAsync(group.Id, QrImages.Png(QrBytes.Invite), null, null);

        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));

        cut.WaitForAssertion(() => Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent));
        Assert.Equal($"groups/{group.Id}/qr/{current.Id}/image", cut.Find("[data-testid=group-qr-image]").GetAttribute("src"));
        Assert.Contains("有效期至", cut.Find("[data-testid=group-qr-expiry]").TextContent);
        var row = Assert.Single(cut.FindAll("[data-testid=group-qr-history-row]"));
        Assert.Contains(QrBytes.Invite + "old", row.TextContent);
        Assert.Contains("更换群二维码", cut.Find("[data-testid=group-qr-upload]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", 2 * 24, "即将过期")]
    [InlineData("en", 2 * 24, "Expires soon")]
    [InlineData("zh-CN", -1, "已过期")]
    [InlineData("en", -1, "Expired")]
    public async Task Expiry_WithinThreeDaysOrPassed_IsWarned(string language, int hoursLeft, string expected)
    {
        using var culture = new CultureScope(language);
        var group = await SeedGroupAsync(null, "将过期群", 0);
        await StoreQrAsync(group.Id, QrBytes.Invite, DateTime.UtcNow.AddHours(hoursLeft));

        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=group-qr-expiry]").TextContent));
        Assert.Equal(hoursLeft < 0 ? "error" : "warning", cut.Find("[data-testid=group-qr-expiry]").GetAttribute("data-severity"));
    }

    [Fact]
    public async Task Viewer_SeesNoUploadOrExpiryControls()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "只读群", 0);
        await Qrs.UploadAsync(group.Id, QrImages.Png(QrBytes.Invite), null, null);
        SignInAsViewer();

        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));

        cut.WaitForAssertion(() => Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=group-qr-file]"));
        Assert.Empty(cut.FindAll("[data-testid=group-qr-save-expiry]"));
    }

    [Fact]
    public async Task Upload_QrImage_IsReadByTheServer_ShownForConfirmation_ThenStoredAndShown()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "上传群", 0);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");

        cut.FindComponent<InputFile>().UploadFiles(File(QrImages.Screenshot(QrBytes.Invite)));

        cut.WaitForAssertion(() => Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-preview-payload]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Null(await Qrs.GetCurrentAsync(group.Id));
        Assert.Contains("启用这个二维码", cut.Find("[data-testid=group-qr-confirm]").TextContent);

        cut.Find("[data-testid=group-qr-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("新的群二维码已生效", cut.Find("[data-testid=group-qr-status]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent);
        Assert.Equal(QrBytes.Invite, (await Qrs.GetCurrentAsync(group.Id))?.Payload);
        Assert.Empty(cut.FindAll("[data-testid=group-qr-preview]"));
    }

    [Fact]
    public async Task Upload_ExpiryChosenInThePreview_IsStoredAsTheTeamsWallClock()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "定时群", 0);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");
        cut.FindComponent<InputFile>().UploadFiles(File(QrImages.Png(QrBytes.Invite)));
        cut.WaitForElement("[data-testid=group-qr-preview]", TimeSpan.FromSeconds(10));
        var day = PortalTime.ToLocal(DateTime.UtcNow).Date.AddDays(3);

        var date = cut.FindComponents<MudDatePicker>().Single(p => p.Instance.InputId == "group-qr-new-expiry");
        await cut.InvokeAsync(() => date.Instance.DateChanged.InvokeAsync(day));
        var time = cut.FindComponents<MudTimePicker>().Single(p => p.Instance.InputId == "group-qr-new-expiry-time");
        await cut.InvokeAsync(() => time.Instance.TimeChanged.InvokeAsync(new TimeSpan(20, 30, 0)));
        cut.Find("[data-testid=group-qr-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("新的群二维码已生效", cut.Find("[data-testid=group-qr-status]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(PortalTime.ToUtc(day.AddHours(20).AddMinutes(30)), (await Qrs.GetCurrentAsync(group.Id))!.ExpiresAt);
    }

    [Fact]
    public async Task Upload_ExpiryInThePast_IsNamedUnderTheDate_AndNothingIsStored()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "过去群", 0);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");
        cut.FindComponent<InputFile>().UploadFiles(File(QrImages.Png(QrBytes.Invite)));
        cut.WaitForElement("[data-testid=group-qr-preview]", TimeSpan.FromSeconds(10));

        var date = cut.FindComponents<MudDatePicker>().Single(p => p.Instance.InputId == "group-qr-new-expiry");
        await cut.InvokeAsync(() => date.Instance.DateChanged.InvokeAsync(PortalTime.ToLocal(DateTime.UtcNow).Date.AddDays(-1)));
        cut.Find("[data-testid=group-qr-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("过期时间必须晚于现在", cut.Find("#group-qr-new-expiry-error").TextContent));
        Assert.Equal("true", cut.Find("#group-qr-new-expiry").GetAttribute("aria-invalid"));
        Assert.Null(await Qrs.GetCurrentAsync(group.Id));
    }

    [Fact]
    public async Task Upload_Cleared_StoresNothing_AndKeepsTheCurrentQr()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "清除群", 0);
        var current = await Qrs.UploadAsync(group.Id, QrImages.Png(QrBytes.Invite), null, null);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-payload]");

        cut.FindComponent<InputFile>().UploadFiles(File(QrImages.Png("https://weixin.qq.com/g/AQYAAOtherGroup")));
        cut.WaitForElement("[data-testid=group-qr-preview]", TimeSpan.FromSeconds(10));
        Assert.Contains("用它替换当前二维码", cut.Find("[data-testid=group-qr-confirm]").TextContent);
        cut.Find("[data-testid=group-qr-clear]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=group-qr-preview]")));
        Assert.Equal(current.Id, (await Qrs.GetCurrentAsync(group.Id))?.Id);
        Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "noqr", "图片里没有找到二维码")]
    [InlineData("zh-CN", "large", "图片太大（8.0 MB），最大 8 MB")]
    [InlineData("zh-CN", "notimage", "这不是图片")]
    [InlineData("zh-CN", "https://weixin.qq.com/r/personal", "个人名片")]
    [InlineData("zh-CN", "https://example.com/join", "网页 https://example.com/join")]
    [InlineData("zh-CN", "加我微信 wxid_123", "一段文字")]
    [InlineData("en", "noqr", "No QR code was found")]
    [InlineData("en", "large", "The image is too large (8.0 MB); the limit is 8 MB")]
    [InlineData("en", "https://u.wechat.com/EMpersonal", "personal contact")]
    public async Task Upload_Refused_ShowsTheReason_AndStoresNothing(string language, string file, string expected)
    {
        using var culture = new CultureScope(language);
        var group = await SeedGroupAsync(null, "拒绝群", 0);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");
        var bytes = file switch
        {
            "noqr" => QrImages.PlainPng(),
            "large" => QrBytes.Png(GroupQr.MaxImageBytes + 1),
            "notimage" => QrBytes.TextNamedPng(),
            _ => QrImages.Png(file),
        };

        cut.FindComponent<InputFile>().UploadFiles(File(bytes));

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=group-qr-status]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal("alert", cut.Find("[data-testid=group-qr-status]").GetAttribute("role"));
        Assert.Empty(cut.FindAll("[data-testid=group-qr-preview]"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Set<GroupQr>().CountAsync());
    }
}
