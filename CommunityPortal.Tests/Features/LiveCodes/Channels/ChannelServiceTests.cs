using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Routing;

namespace CommunityPortal.Tests.Features.LiveCodes.Channels;

public sealed class ChannelServiceTests : IAsyncLifetime
{
    private readonly PortalDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private ChannelService Service => _db.Get<ChannelService>();

    [Fact]
    public async Task CreateCode_GivesAShortUniqueKey_KnownToRouting()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", []);
        var article = await Service.CreateAsync(new ChannelInput { Name = "公众号文章", Type = ChannelType.Article, Cost = 500m });
        var poster = await Service.CreateAsync(new ChannelInput { Name = "线下海报", Type = ChannelType.OfflinePoster });

        var a = await Service.CreateCodeAsync(code.Id, article.Id);
        var p = await Service.CreateCodeAsync(code.Id, poster.Id);

        Assert.Matches("^[a-z2-9]{8}$", a.Key);
        Assert.NotEqual(a.Key, p.Key);
        Assert.Equal(a.Id, _db.Get<ILiveCodeRoutingState>().Find("abc")!.Settings.ChannelKeys[a.Key]);
        Assert.Equal(2, (await Service.ListCodesAsync(code.Id)).Count);
    }

    [Fact]
    public async Task CreateCode_TwiceForOneChannel_ReportsChannelField()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", []);
        var channel = await Service.CreateAsync(new ChannelInput { Name = "KOL", Type = ChannelType.Kol });
        await Service.CreateCodeAsync(code.Id, channel.Id);

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateCodeAsync(code.Id, channel.Id));

        Assert.Contains("ChannelId", ex.Errors.Keys);
    }

    [Fact]
    public async Task Create_WithTakenNameOrNegativeCost_IsRefused()
    {
        await Service.CreateAsync(new ChannelInput { Name = "KOL" });

        var taken = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new ChannelInput { Name = "KOL" }));
        var cost = await Assert.ThrowsAsync<PortalValidationException>(() => Service.CreateAsync(new ChannelInput { Name = "x", Cost = -1 }));

        Assert.Contains("Name", taken.Errors.Keys);
        Assert.Contains("Cost", cost.Errors.Keys);
    }

    [Fact]
    public async Task Delete_ChannelWithCodes_IsRefused()
    {
        var code = await LiveCodeSeed.LiveCodeAsync(_db.Services, "abc", []);
        var channel = await Service.CreateAsync(new ChannelInput { Name = "KOL" });
        await Service.CreateCodeAsync(code.Id, channel.Id);

        await Assert.ThrowsAsync<ConflictException>(() => Service.DeleteAsync(channel.Id));
    }
}
