using CommunityPortal.Data;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.LiveCodes.Routing;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes;

/// <summary>Test data: open groups with a current QR, and live codes over them.</summary>
internal static class LiveCodeSeed
{
    /// <summary>A PNG header and padding: a stand-in for the operator's screenshot, which the scan page never shows.</summary>
    public static byte[] Png(int size = 300)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    public static string Invite(int groupId) => $"https://weixin.qq.com/g/test{groupId}";

    public static async Task<int> OpenGroupAsync(IServiceProvider services, string name, bool withQr = true,
        GroupStatus status = GroupStatus.Open, int members = 0, int capacity = 200, DateTime? qrExpiresAt = null, int qrSize = 300)
    {
        using var scope = services.CreateScope();
        var group = await scope.ServiceProvider.GetRequiredService<GroupService>().CreateAsync(new GroupInput
        {
            Name = name, Status = status, MemberCount = members, Capacity = capacity,
        });
        if (withQr)
        {
            await AddQrAsync(services, group.Id, qrExpiresAt, qrSize);
        }
        return group.Id;
    }

    /// <summary>What the QR upload (another feature) does: a new current QR row, then a routing refresh.</summary>
    public static async Task<int> AddQrAsync(IServiceProvider services, int groupId, DateTime? expiresAt = null, int size = 300,
        string? payload = null)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        await db.Set<GroupQr>().Where(q => q.GroupId == groupId && q.ReplacedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.ReplacedAt, now));
        var qr = new GroupQr
        {
            GroupId = groupId, Payload = payload ?? Invite(groupId), Image = Png(size), ImageContentType = "image/png",
            UploadedAt = now, ExpiresAt = expiresAt ?? now.AddDays(7),
        };
        db.Add(qr);
        await db.SaveChangesAsync();
        await services.GetRequiredService<ILiveCodeRoutingState>().InvalidateGroupAsync(groupId);
        return qr.Id;
    }

    public static async Task<LiveCodeDto> LiveCodeAsync(IServiceProvider services, string slug, IReadOnlyList<PoolEntryInput> pool,
        Action<LiveCodeInput>? change = null)
    {
        using var scope = services.CreateScope();
        var live = scope.ServiceProvider.GetRequiredService<LiveCodeService>();
        var input = new LiveCodeInput { Name = "活码 " + slug, Slug = slug, LandingTitle = "欢迎", LandingText = "进群领取资料" };
        change?.Invoke(input);
        var code = await live.CreateAsync(input);
        return pool.Count == 0 ? code : await live.SetPoolAsync(code.Id, pool, code.Version);
    }
}
