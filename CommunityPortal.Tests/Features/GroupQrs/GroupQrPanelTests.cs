using Bunit;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix.Pages;
using CommunityPortal.Tests.Features.Matrix;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.GroupQrs;

public sealed class GroupQrPanelTests : MatrixComponentTestBase
{
    private GroupQrService Qrs => Services.GetRequiredService<GroupQrService>();

    private void BrowserDecodes(string? payload, string? error = null) =>
        JSInterop.SetupModule("./js/group-qr.js")
            .Setup<GroupQrPanel.DecodeResult>("decodeInput", _ => true)
            .SetResult(new GroupQrPanel.DecodeResult(payload, error, 100));

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
        var current = await Qrs.UploadAsync(group.Id, QrBytes.Png(), QrBytes.Invite, null, null);

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
        using var culture = new Infrastructure.CultureScope(language);
        var group = await SeedGroupAsync(null, "将过期群", 0);
        await StoreQrAsync(group.Id, QrBytes.Invite, DateTime.UtcNow.AddHours(hoursLeft));

        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=group-qr-expiry]").TextContent));
        Assert.Contains(hoursLeft < 0 ? "rz-danger" : "rz-warning", cut.Find("[data-testid=group-qr-expiry]").ClassName);
    }

    [Fact]
    public async Task Viewer_SeesNoUploadOrExpiryControls()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "只读群", 0);
        await Qrs.UploadAsync(group.Id, QrBytes.Png(), QrBytes.Invite, null, null);
        SignInAsViewer();

        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));

        cut.WaitForAssertion(() => Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=group-qr-file]"));
        Assert.Empty(cut.FindAll("[data-testid=group-qr-save-expiry]"));
    }

    [Fact]
    public async Task Upload_DecodedInvite_IsStoredAndShown()
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "上传群", 0);
        BrowserDecodes(QrBytes.Invite);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(QrBytes.Png(), "qr.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("新的群二维码已生效", cut.Find("[data-testid=group-qr-status]").TextContent));
        Assert.Equal(QrBytes.Invite, cut.Find("[data-testid=group-qr-payload]").TextContent);
        Assert.Equal(QrBytes.Invite, (await Qrs.GetCurrentAsync(group.Id))?.Payload);
    }

    [Theory]
    [InlineData(null, "no-qr", "图片里没有找到二维码")]
    [InlineData(null, "too-large", "图片太大")]
    [InlineData(null, "not-image", "这不是图片")]
    [InlineData("https://weixin.qq.com/r/personal", null, "个人名片")]
    public async Task Upload_Refused_ShowsTheReason_AndStoresNothing(string? payload, string? error, string expected)
    {
        using var culture = Chinese();
        var group = await SeedGroupAsync(null, "拒绝群", 0);
        BrowserDecodes(payload, error);
        var cut = Render<GroupQrPanel>(p => p.Add(x => x.GroupId, group.Id));
        cut.WaitForElement("[data-testid=group-qr-empty]");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(QrBytes.Png(), "qr.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=group-qr-status]").TextContent));
        Assert.Equal("alert", cut.Find("[data-testid=group-qr-status]").GetAttribute("role"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Set<GroupQr>().CountAsync());
    }
}
