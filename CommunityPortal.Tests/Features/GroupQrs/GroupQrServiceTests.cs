using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Tests.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Tests.Features.GroupQrs;

public sealed class GroupQrServiceTests : MatrixTestBase
{
    private GroupQrService Qrs => new(
        Database.Get<IDbContextFactory<PortalDbContext>>(),
        Database.Get<IStringLocalizer<GroupQrText>>(),
        Database.Get<DomainEventBus>(),
        new GroupQrReader());

    private static byte[] Qr(string text) => QrImages.Png(text);

    private async Task<int> GroupIdAsync() => (await GroupAsync("1期-福利群")).Id;

    [Fact]
    public async Task Upload_ValidPng_StoresPayloadImageTypeAndSevenDayExpiry()
    {
        var groupId = await GroupIdAsync();
        var userId = await UserAsync("li@example.cn", "小李");
        var before = DateTime.UtcNow;

        var image = Qr("  " + QrBytes.Invite + " ");

        var qr = await Qrs.UploadAsync(groupId, image, null, userId);

        Assert.Equal(QrBytes.Invite, qr.Payload);
        Assert.Equal("image/png", qr.ImageContentType);
        Assert.Equal("小李", qr.UploadedBy);
        Assert.True(qr.IsCurrent);
        Assert.InRange(qr.ExpiresAt - qr.UploadedAt, TimeSpan.FromDays(7), TimeSpan.FromDays(7));
        Assert.InRange(qr.UploadedAt, before, DateTime.UtcNow);
        var stored = await Qrs.GetImageAsync(qr.Id);
        Assert.Equal(image, stored.Bytes);
        Assert.Equal(groupId, stored.GroupId);
    }

    [Fact]
    public async Task Upload_Jpeg_TakesContentTypeFromTheBytes()
    {
        var qr = await Qrs.UploadAsync(await GroupIdAsync(), QrImages.Jpeg(QrBytes.Invite), null, null);
        Assert.Equal("image/jpeg", qr.ImageContentType);
        Assert.Null(qr.UploadedBy);
    }

    [Fact]
    public async Task Upload_Replacement_LeavesExactlyOneCurrentQr_AndTheNextReadSeesTheNewOne()
    {
        var groupId = await GroupIdAsync();
        var first = await Qrs.UploadAsync(groupId, Qr(QrBytes.Invite + "1"), null, null);
        ForgetPublishedEvents();

        var second = await Qrs.UploadAsync(groupId, QrImages.Jpeg(QrBytes.Invite + "2"), null, null);

        var current = await Qrs.GetCurrentAsync(groupId);
        Assert.Equal(second.Id, current?.Id);
        Assert.Equal(QrBytes.Invite + "2", current?.Payload);
        await using var db = Database.CreateDbContext();
        var rows = await db.Set<GroupQr>().AsNoTracking().Where(q => q.GroupId == groupId).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, q => q.ReplacedAt is null);
        var replaced = Assert.Single(rows, q => q.Id == first.Id);
        Assert.Equal(second.UploadedAt, replaced.ReplacedAt);
        Assert.Equal([new GroupQrChanged(groupId, second.Id)], Published);
    }

    [Fact]
    public async Task Upload_RefusedReplacement_KeepsTheOldQrCurrent()
    {
        var groupId = await GroupIdAsync();
        var first = await Qrs.UploadAsync(groupId, Qr(QrBytes.Invite), null, null);

        await Assert.ThrowsAsync<PortalValidationException>(() => Qrs.UploadAsync(groupId, QrBytes.TextNamedPng(), null, null, QrBytes.Invite));
        await Assert.ThrowsAsync<PortalValidationException>(() => Qrs.UploadAsync(groupId, Qr("https://u.wechat.com/EMxyz123"), null, null));

        Assert.Equal(first.Id, (await Qrs.GetCurrentAsync(groupId))?.Id);
        Assert.Empty((await Qrs.OverviewAsync(groupId)).History);
    }

    [Fact]
    public async Task History_ListsCurrentFirst_ThenReplacedNewestFirst()
    {
        var groupId = await GroupIdAsync();
        var ids = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add((await Qrs.UploadAsync(groupId, Qr(QrBytes.Invite + i), null, null)).Id);
        }

        var history = await Qrs.HistoryAsync(groupId);
        Assert.Equal([ids[2], ids[1], ids[0]], history.Select(q => q.Id));
        var overview = await Qrs.OverviewAsync(groupId);
        Assert.Equal(ids[2], overview.Current?.Id);
        Assert.Equal([ids[1], ids[0]], overview.History.Select(q => q.Id));
    }

    [Fact]
    public async Task CurrentByGroup_ReturnsOnlyCurrentQrs_OfGroupsThatHaveOne()
    {
        var a = await GroupIdAsync();
        var b = (await GroupAsync("2期-福利群")).Id;
        var c = (await GroupAsync("3期-福利群")).Id;
        await Qrs.UploadAsync(a, Qr(QrBytes.Invite + "a1"), null, null);
        var a2 = await Qrs.UploadAsync(a, Qr(QrBytes.Invite + "a2"), null, null);
        var b1 = await Qrs.UploadAsync(b, Qr(QrBytes.Invite + "b1"), null, null);

        var current = await Qrs.CurrentByGroupAsync([a, b, c]);

        Assert.Equal([a, b], current.Keys.Order());
        Assert.Equal(a2.Id, current[a].Id);
        Assert.Equal(b1.Id, current[b].Id);
    }

    [Fact]
    public async Task GetCurrent_GroupWithoutQr_IsNull_UnknownGroup_IsNotFound()
    {
        Assert.Null(await Qrs.GetCurrentAsync(await GroupIdAsync()));
        await Assert.ThrowsAsync<NotFoundException>(() => Qrs.GetCurrentAsync(9999));
    }

    [Fact]
    public async Task Upload_UnknownGroup_IsNotFound_AndStoresNothing()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Qrs.UploadAsync(9999, Qr(QrBytes.Invite), null, null));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Set<GroupQr>().CountAsync());
    }

    /// <summary>(culture, what the file is, the reason expected): every refusal is on the file, whatever payload came with it.</summary>
    public static TheoryData<string, string, string> Refusals => new()
    {
        { "zh-CN", "notimage", "这不是图片" },
        { "en", "notimage", "This is not an image" },
        { "zh-CN", "pngsignature", "这不是图片" },
        { "en", "pngsignature", "This is not an image" },
        { "zh-CN", "empty", "请选择一张二维码图片" },
        { "en", "empty", "Choose a QR code image" },
        { "zh-CN", "large", "图片太大（8.0 MB），最大 8 MB" },
        { "en", "large", "The image is too large (8.0 MB); the limit is 8 MB" },
        { "zh-CN", "huge", "30000 × 20000 像素），最多读取 24 百万像素" },
        { "en", "huge", "The image is too large (30000 × 20000 pixels); at most 24 megapixels are read" },
        { "zh-CN", "noqr", "没有找到二维码" },
        { "en", "noqr", "No QR code was found" },
        { "zh-CN", "加我微信 wxid_123", "一段文字" },
        { "en", "加我微信 wxid_123", "plain text" },
        { "zh-CN", "https://u.wechat.com/EMxyz123", "个人名片" },
        { "en", "https://u.wechat.com/EMxyz123", "personal contact" },
        { "zh-CN", "https://weixin.qq.com/r/abcDEF123", "个人名片" },
        { "en", "https://weixin.qq.com/r/abcDEF123", "personal contact" },
        { "zh-CN", "https://example.com/g/abc", "网页 https://example.com/g/abc" },
        { "en", "https://example.com/g/abc", "web page https://example.com/g/abc" },
        { "en", "http://weixin.qq.com/g/AQYAAB", "web page" },
        { "en", "https://weixin.qq.com.evil.cn/g/AQYAAB", "web page" },
        { "en", "https://weixin.qq.com/g/", "web page" },
        { "en", "https://weixin.qq.com/mp/profile", "web page" },
        { "zh-CN", "https://weixin.qq.com/g/" + new string('A', 600), "太长" },
        { "en", "https://weixin.qq.com/g/" + new string('A', 600), "too long" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_BadImage_IsRefusedOnTheFileWithTheReason_WhateverPayloadCameWithIt(string culture, string file, string expected)
    {
        var groupId = await GroupIdAsync();
        var image = file switch
        {
            "notimage" => QrBytes.TextNamedPng(),
            "pngsignature" => QrBytes.Png(),
            "empty" => [],
            "large" => QrBytes.Png(GroupQr.MaxImageBytes + 1),
            "huge" => QrImages.HugePng(30_000, 20_000),
            "noqr" => QrImages.PlainPng(),
            _ => Qr(file),
        };

        using (new CultureScope(culture))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Qrs.UploadAsync(groupId, image, null, null, QrBytes.Invite));
            Assert.Contains(expected, OnlyError(ex, "File"));
        }
        Assert.Null(await Qrs.GetCurrentAsync(groupId));
    }

    [Fact]
    public async Task Read_Invite_IsReturned_AndNothingIsStored()
    {
        var groupId = await GroupIdAsync();

        var invite = await Qrs.ReadAsync(QrImages.Screenshot("  " + QrBytes.Invite + " "));

        Assert.Equal(QrBytes.Invite, invite);
        Assert.Null(await Qrs.GetCurrentAsync(groupId));
    }

    [Theory]
    [InlineData("zh-CN", "https://u.wechat.com/EMxyz123", "个人名片")]
    [InlineData("en", "noqr", "No QR code was found")]
    [InlineData("en", "large", "The image is too large (8.0 MB); the limit is 8 MB")]
    public async Task Read_NoInvite_IsRefusedOnTheFileWithTheReason(string culture, string file, string expected)
    {
        var image = file switch
        {
            "noqr" => QrImages.PlainPng(),
            "large" => QrBytes.Png(GroupQr.MaxImageBytes + 1),
            _ => Qr(file),
        };

        using (new CultureScope(culture))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Qrs.ReadAsync(image));
            Assert.Contains(expected, OnlyError(ex, "File"));
        }
    }

    [Theory]
    [InlineData("zh-CN", "不一致")]
    [InlineData("en", "is not what the image's QR code holds (" + QrBytes.Invite + ")")]
    public async Task Upload_ClaimedPayloadOtherThanTheImages_IsRefusedOnPayload(string culture, string expected)
    {
        var groupId = await GroupIdAsync();
        using (new CultureScope(culture))
        {
            var ex = await Assert.ThrowsAsync<PortalValidationException>(
                () => Qrs.UploadAsync(groupId, Qr(QrBytes.Invite), null, null, "https://weixin.qq.com/g/AQYAAOtherGroup"));
            Assert.Contains(expected, OnlyError(ex, "Payload"));
        }
        Assert.Null(await Qrs.GetCurrentAsync(groupId));
    }

    [Fact]
    public async Task Upload_ClaimedPayloadEqualToTheImages_IsAccepted()
    {
        var qr = await Qrs.UploadAsync(await GroupIdAsync(), Qr(QrBytes.Invite), null, null, " " + QrBytes.Invite + " ");
        Assert.Equal(QrBytes.Invite, qr.Payload);
    }

    [Theory]
    [InlineData(0.45, 3f, 1.0f, 10, 75)]
    [InlineData(0.3, -6f, 1.2f, 14, 60)]
    public async Task Upload_PhotoOfThePhoneScreen_StoresTheInvite(double scale, float degrees, float blur, int noise, int quality)
    {
        var photo = QrImages.PhonePhoto(QrBytes.Invite, new PhotoConditions(scale, degrees, blur, noise, quality));

        var qr = await Qrs.UploadAsync(await GroupIdAsync(), photo, null, null);

        Assert.Equal(QrBytes.Invite, qr.Payload);
        Assert.Equal("image/jpeg", qr.ImageContentType);
    }

    [Fact]
    public async Task Upload_ExactlyTheLimit_IsAccepted()
    {
        var image = QrImages.PaddedTo(Qr(QrBytes.Invite), GroupQr.MaxImageBytes);
        var qr = await Qrs.UploadAsync(await GroupIdAsync(), image, null, null);
        Assert.Equal(GroupQr.MaxImageBytes, qr.ImageSize);
    }

    [Theory]
    [InlineData("zh-CN", -1, "晚于现在")]
    [InlineData("en", -1, "in the future")]
    [InlineData("zh-CN", 31 * 24, "30 天")]
    [InlineData("en", 31 * 24, "at most 30 days")]
    public async Task Upload_ExpiryInThePastOrTooFar_IsRefused(string culture, int hoursFromNow, string expected)
    {
        var groupId = await GroupIdAsync();
        using var scope = new CultureScope(culture);
        var ex = await Assert.ThrowsAsync<PortalValidationException>(
            () => Qrs.UploadAsync(groupId, Qr(QrBytes.Invite), DateTime.UtcNow.AddHours(hoursFromNow), null));
        Assert.Contains(expected, OnlyError(ex, "ExpiresAt"));
    }

    [Fact]
    public async Task Upload_ChosenExpiry_IsKept()
    {
        var expiry = DateTime.UtcNow.AddDays(3);
        var qr = await Qrs.UploadAsync(await GroupIdAsync(), Qr(QrBytes.Invite), expiry, null);
        Assert.Equal(expiry, qr.ExpiresAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task SetExpiry_MovesIt_AndRefusesThePast()
    {
        var groupId = await GroupIdAsync();
        var qr = await Qrs.UploadAsync(groupId, Qr(QrBytes.Invite), null, null);
        var later = DateTime.UtcNow.AddDays(20);

        var moved = await Qrs.SetExpiryAsync(qr.Id, later);

        Assert.Equal(later, moved.ExpiresAt, TimeSpan.FromMilliseconds(1));
        using var scope = new CultureScope("en");
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Qrs.SetExpiryAsync(qr.Id, DateTime.UtcNow.AddMinutes(-5)));
        Assert.Contains("in the future", OnlyError(ex, "ExpiresAt"));
        await Assert.ThrowsAsync<NotFoundException>(() => Qrs.SetExpiryAsync(9999, later));
    }

    [Fact]
    public async Task ConcurrentUploads_LeaveExactlyOneCurrentQr()
    {
        var groupId = await GroupIdAsync();
        var uploads = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Qrs.UploadAsync(groupId, Qr(QrBytes.Invite + i), null, null);
            }
            catch (ConcurrencyConflictException)
            {
            }
        }));
        await Task.WhenAll(uploads);

        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Set<GroupQr>().CountAsync(q => q.GroupId == groupId && q.ReplacedAt == null));
    }

    [Fact]
    public void ExpiryWarning_WithinThreeDays_AndExpired()
    {
        var now = DateTime.UtcNow;
        GroupQrDto Qr(TimeSpan left) => new(1, 1, QrBytes.Invite, "image/png", 1, now.AddDays(-1), now + left, null, null, null);
        Assert.False(Qr(TimeSpan.FromDays(4)).ExpiresSoon(now));
        Assert.True(Qr(TimeSpan.FromDays(2)).ExpiresSoon(now));
        Assert.False(Qr(TimeSpan.FromDays(2)).IsExpired(now));
        Assert.True(Qr(TimeSpan.FromMinutes(-1)).IsExpired(now));
        Assert.False(Qr(TimeSpan.FromMinutes(-1)).ExpiresSoon(now));
    }
}
