using Bunit;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using Microsoft.AspNetCore.Components.Forms;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommunityPortal.Tests.Features.LiveCodes.Fallback;

public sealed class FallbackImagePanelTests : LiveCodeComponentTestBase
{
    private async Task<byte[]?> StoredAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<LiveCode>().AsNoTracking().Where(c => c.Id == id).Select(c => c.FallbackImage).SingleAsync();
    }

    private IRenderedComponent<LiveCodePage> RenderPage(int id)
    {
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=fallback-panel]");
        return cut;
    }

    private static void Upload(IRenderedComponent<LiveCodePage> cut, byte[] bytes, string name, string type) =>
        cut.FindComponents<InputFile>().Single(f => f.Instance.AdditionalAttributes is { } a && a.TryGetValue("data-testid", out var id) && id is "fallback-file")
            .UploadFiles(InputFileContent.CreateFromBinary(bytes, name, contentType: type));

    [Fact]
    public async Task NoImage_SaysNotSet_AndOffersUpload()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();

        var cut = RenderPage(code.Id);

        Assert.Contains("尚未设置", cut.Find("[data-testid=fallback-empty]").TextContent);
        Assert.Equal("上传图片", cut.Find("[data-testid=fallback-upload]").TextContent.Trim());
        // The button opens the picker of the panel's own file input, which takes PNG and JPEG.
        Assert.Equal("image/png,image/jpeg", cut.Find("input[type=file][data-testid=fallback-file]").GetAttribute("accept"));
        Assert.Empty(cut.FindAll("[data-testid=fallback-remove]"));
    }

    [Fact]
    public async Task UploadPng_IsStored_AndShownFromTheScanPagesImageUrl()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();
        var cut = RenderPage(code.Id);
        var png = LiveCodeSeed.Png(800);

        Upload(cut, png, "staff.png", "image/png");

        cut.WaitForAssertion(() => Assert.Contains("已保存", cut.Find("[data-testid=fallback-status]").TextContent));
        Assert.Equal(png, await StoredAsync(code.Id));
        var version = (await Get<LiveCodeService>().GetAsync(code.Id)).Version;
        Assert.Equal($"q/reading/fallback-image?v={version}", cut.Find("[data-testid=fallback-image]").GetAttribute("src"));
        Assert.Equal("更换图片", cut.Find("[data-testid=fallback-upload]").TextContent.Trim());
    }

    [Fact]
    public async Task UploadThenEditThePool_UsesTheNewVersion_SoNoConflict()
    {
        using var culture = Chinese();
        var group = await SeedOpenGroupAsync("1期-1群");
        var code = await SeedLiveCodeAsync();
        var cut = RenderPage(code.Id);
        Upload(cut, LiveCodeSeed.Png(), "staff.png", "image/png");
        cut.WaitForElement("[data-testid=fallback-image]");

        var picker = cut.FindComponent<MudAutocomplete<GroupDto>>();
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(group));
        cut.Find("[data-testid=pool-add]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["1期-1群"], cut.FindAll("[data-testid=pool-group]").Select(a => a.TextContent)));
    }

    [Fact]
    public async Task UploadText_IsRefusedNamingTheField_AndTheOldImageStays()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();
        var old = LiveCodeSeed.Png();
        await Get<LiveCodeService>().SetFallbackImageAsync(code.Id, old);
        var cut = RenderPage(code.Id);

        Upload(cut, "not an image"u8.ToArray(), "staff.png", "image/png");

        cut.WaitForAssertion(() => Assert.EndsWith("兜底二维码必须是 PNG 或 JPEG 图片。", cut.Find("[data-testid=fallback-status]").TextContent.Trim()));
        Assert.Equal("alert", cut.Find("[data-testid=fallback-status]").GetAttribute("role"));
        Assert.Equal(old, await StoredAsync(code.Id));
        Assert.NotNull(cut.Find("[data-testid=fallback-image]"));
    }

    [Fact]
    public async Task UploadTooLarge_IsRefusedInEnglishBeforeReading_AndNothingIsStored()
    {
        using var culture = new CultureScope("en");
        var code = await SeedLiveCodeAsync();
        var cut = RenderPage(code.Id);

        Upload(cut, LiveCodeSeed.Png(LiveCode.MaxFallbackImageBytes + 1024 * 1024), "huge.png", "image/png");

        cut.WaitForAssertion(() => Assert.Contains("Fallback QR image must not exceed 2 MB (the chosen file is 3.0 MB); nothing was saved.",
            cut.Find("[data-testid=fallback-status]").TextContent.Trim()));
        Assert.Null(await StoredAsync(code.Id));
        Assert.NotNull(cut.Find("[data-testid=fallback-empty]"));
    }

    [Fact]
    public async Task Remove_AfterConfirming_ClearsTheImage_AndCancellingKeepsIt()
    {
        using var culture = Chinese();
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetFallbackImageAsync(code.Id, LiveCodeSeed.Png());
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderPage(code.Id);

        cut.Find("[data-testid=fallback-remove]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("移除兜底二维码？", dialogs.Find("[data-testid=confirm-question]").TextContent));
        Assert.Contains("取消", dialogs.Find("[data-testid=confirm-cancel]").TextContent);
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-question]")));
        Assert.NotNull(await StoredAsync(code.Id));

        cut.Find("[data-testid=fallback-remove]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("移除兜底二维码？", dialogs.Find("[data-testid=confirm-question]").TextContent));
        Assert.Equal("移除兜底二维码", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForElement("[data-testid=fallback-empty]");
        Assert.Null(await StoredAsync(code.Id));
        Assert.Contains("已移除", cut.Find("[data-testid=fallback-status]").TextContent);
    }

    [Fact]
    public async Task Viewer_SeesTheImage_ButCannotChangeIt()
    {
        var code = await SeedLiveCodeAsync();
        await Get<LiveCodeService>().SetFallbackImageAsync(code.Id, LiveCodeSeed.Png());
        SignInAsViewer();

        var cut = RenderPage(code.Id);

        Assert.NotNull(cut.Find("[data-testid=fallback-image]"));
        Assert.Empty(cut.FindAll("[data-testid=fallback-file], [data-testid=fallback-remove]"));
    }
}
