using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Tests.Features.GroupQrs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.LiveCodes.Routing;

/// <summary>The two features meet here: a QR uploaded through the group-QR service feeds live-code routing.</summary>
public sealed class GroupQrUploadRoutingTests : IDisposable
{
    private const string WeChatAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50";

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Upload_OfAGroupsFirstQr_MakesTheLiveCodeRouteToThatGroup()
    {
        var services = _factory.Services;
        var groupId = await LiveCodeSeed.OpenGroupAsync(services, "1期-福利群", withQr: false);
        await LiveCodeSeed.LiveCodeAsync(services, "first-qr", [new PoolEntryInput(groupId)]);

        // No QR yet: nobody can be sent there.
        Assert.DoesNotContain("1期-福利群", await ScanAsync());

        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GroupQrService>()
                .UploadAsync(groupId, QrImages.Png("https://weixin.qq.com/g/AQYAABtestfirst"), null, null);
        }

        // The routing state reloads the group from the GroupQrChanged event, a moment after the upload commits.
        var page = "";
        for (var attempt = 0; attempt < 50 && !page.Contains("1期-福利群", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            page = await ScanAsync();
        }
        Assert.Contains("1期-福利群", page);
    }

    private async Task<string> ScanAsync()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", WeChatAgent);
        return await client.GetStringAsync("/q/first-qr");
    }
}
