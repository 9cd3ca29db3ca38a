using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.LiveCodes.Fallback;

/// <summary>LiveCodeService.SetFallbackImageAsync, what the fallback panel and the API call.</summary>
public sealed class FallbackImageTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private LiveCodeService Service => _db.Get<LiveCodeService>();

    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    private async Task<(byte[]? Image, string? ContentType)> StoredAsync(int id)
    {
        await using var db = await _db.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var row = await db.Set<LiveCode>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.FallbackImage, c.FallbackImageContentType }).SingleAsync();
        return (row.FallbackImage, row.FallbackImageContentType);
    }

    private static void AssertStored(byte[] image, string contentType, (byte[]? Image, string? ContentType) stored)
    {
        Assert.Equal(image, stored.Image);
        Assert.Equal(contentType, stored.ContentType);
    }

    [Fact]
    public async Task Png_IsStoredWithItsContentType_AndTheCodeSaysItHasOne()
    {
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "读书会", Slug = "reading" });
        var png = LiveCodeSeed.Png(500);

        await Service.SetFallbackImageAsync(code.Id, png);

        AssertStored(png, "image/png", await StoredAsync(code.Id));
        var reloaded = await Service.GetAsync(code.Id);
        Assert.True(reloaded.HasFallbackImage);
        Assert.True(reloaded.Version > code.Version);
    }

    [Fact]
    public async Task Jpeg_IsStoredAsJpeg()
    {
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "读书会", Slug = "reading" });

        await Service.SetFallbackImageAsync(code.Id, Jpeg);

        Assert.Equal("image/jpeg", (await StoredAsync(code.Id)).ContentType);
    }

    [Fact]
    public async Task NotAnImage_IsRefusedNamingTheField_AndTheStoredImageStays()
    {
        using var _ = new CultureScope("zh-CN");
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "读书会", Slug = "reading" });
        var png = LiveCodeSeed.Png();
        await Service.SetFallbackImageAsync(code.Id, png);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.SetFallbackImageAsync(code.Id, "%PDF-1.7 not an image"u8.ToArray()));

        Assert.Equal(["兜底二维码必须是 PNG 或 JPEG 图片。"], ex.Errors["FallbackImage"]);
        AssertStored(png, "image/png", await StoredAsync(code.Id));
    }

    [Fact]
    public async Task LargerThanTwoMegabytes_IsRefusedNamingTheFieldInEnglish_AndNothingIsStored()
    {
        using var _ = new CultureScope("en");
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "读书会", Slug = "reading" });

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            Service.SetFallbackImageAsync(code.Id, LiveCodeSeed.Png(LiveCode.MaxFallbackImageBytes + 1)));

        Assert.Equal(["Fallback QR image must not exceed 2 MB."], ex.Errors["FallbackImage"]);
        Assert.Equal((null, null), await StoredAsync(code.Id));
    }

    [Fact]
    public async Task Null_RemovesTheImage()
    {
        var code = await Service.CreateAsync(new LiveCodeInput { Name = "读书会", Slug = "reading" });
        await Service.SetFallbackImageAsync(code.Id, LiveCodeSeed.Png());

        await Service.SetFallbackImageAsync(code.Id, null);

        Assert.Equal((null, null), await StoredAsync(code.Id));
        Assert.False((await Service.GetAsync(code.Id)).HasFallbackImage);
    }
}
