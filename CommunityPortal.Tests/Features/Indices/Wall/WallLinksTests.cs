using CommunityPortal.Data;
using CommunityPortal.Features.Indices.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;

namespace CommunityPortal.Tests.Features.Indices.Wall;

public sealed class WallLinksTests : DatabaseTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
    private readonly WallLinkRevocations _revocations = new();

    private WallLinks Links => new(Get<IDbContextFactory<PortalDbContext>>(), _clock, _revocations,
        Get<IStringLocalizer<ValidationText>>(), Get<IStringLocalizer<WallText>>());

    [Fact]
    public async Task Create_KeepsOnlyTheTokensHash_AndTheTokenFindsTheLink()
    {
        var created = await Links.CreateAsync("  会议室大屏 ", "李经理");

        Assert.Equal(SecretTokens.Length, created.Token.Length);
        Assert.True(SecretTokens.IsWellFormed(created.Token));
        await using var db = Database.CreateDbContext();
        var stored = await db.Set<WallLink>().SingleAsync();
        Assert.Equal(("会议室大屏", "李经理", _clock.GetUtcNow().UtcDateTime), (stored.Name, stored.CreatedBy, stored.CreatedAt));
        Assert.Equal(SecretTokens.Hash(created.Token), stored.TokenHash);
        Assert.DoesNotContain(created.Token, stored.TokenHash);
        Assert.Equal(stored.Id, await Links.FindActiveAsync(created.Token));
        Assert.Equal(new WallLinkDto(stored.Id, "会议室大屏", "李经理", stored.CreatedAt, null), created.Link);
    }

    [Fact]
    public async Task EveryLink_GetsItsOwnToken()
    {
        var first = await Links.CreateAsync("一楼", "李经理");
        var second = await Links.CreateAsync("二楼", "李经理");

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(first.Link.Id, await Links.FindActiveAsync(first.Token));
        Assert.Equal(second.Link.Id, await Links.FindActiveAsync(second.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Create_WithoutAName_IsRefusedNamingTheField_AndMakesNothing(string? name)
    {
        using var culture = new CultureScope("zh-CN");

        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Links.CreateAsync(name, "李经理"));

        Assert.Equal("名称不能为空。", Assert.Single(refused.Errors["Name"]));
        Assert.Equal(0, await CountAsync<WallLink>());
    }

    [Fact]
    public async Task Create_WithATooLongName_IsRefusedNamingTheField_AndMakesNothing()
    {
        using var culture = new CultureScope("en");

        var refused = await Assert.ThrowsAsync<PortalValidationException>(() => Links.CreateAsync(new string('屏', WallLink.NameMax + 1), "Li"));

        Assert.Equal("Name must be at most 60 characters.", Assert.Single(refused.Errors["Name"]));
        Assert.Equal(0, await CountAsync<WallLink>());
    }

    [Fact]
    public async Task Revoke_EndsTheLink_AndTellsTheOpenScreensAtOnce()
    {
        var created = await Links.CreateAsync("会议室大屏", "李经理");
        var told = new List<int>();
        using var listening = _revocations.Subscribe(told.Add);
        _clock.Advance(TimeSpan.FromHours(2));

        var revoked = await Links.RevokeAsync(created.Link.Id);

        Assert.Equal(_clock.GetUtcNow().UtcDateTime, revoked.RevokedAt);
        Assert.False(revoked.IsActive);
        Assert.Null(await Links.FindActiveAsync(created.Token));
        Assert.False(await Links.IsActiveAsync(created.Link.Id));
        Assert.Equal([created.Link.Id], told);
    }

    [Fact]
    public async Task Revoke_Twice_KeepsTheFirstTime()
    {
        var created = await Links.CreateAsync("会议室大屏", "李经理");
        var first = await Links.RevokeAsync(created.Link.Id);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var second = await Links.RevokeAsync(created.Link.Id);

        Assert.Equal(first.RevokedAt, second.RevokedAt);
    }

    [Fact]
    public async Task Revoke_AnUnknownLink_IsNotFound()
    {
        using var culture = new CultureScope("zh-CN");

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Links.RevokeAsync(404));

        Assert.Equal("该大屏链接不存在", refused.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public async Task Find_WithAMalformedOrUnknownToken_FindsNothing(string? token)
    {
        await Links.CreateAsync("会议室大屏", "李经理");

        Assert.Null(await Links.FindActiveAsync(token));
    }

    [Fact]
    public async Task List_ShowsTheWorkingLinksFirst_NewestFirst()
    {
        var old = await Links.CreateAsync("一楼", "李经理");
        var gone = await Links.CreateAsync("二楼", "王经理");
        var newest = await Links.CreateAsync("三楼", "李经理");
        await Links.RevokeAsync(gone.Link.Id);

        var list = await Links.ListAsync();

        Assert.Equal(["三楼", "一楼", "二楼"], list.Select(l => l.Name));
        Assert.Equal([true, true, false], list.Select(l => l.IsActive));
        Assert.Equal([newest.Link.Id, old.Link.Id, gone.Link.Id], list.Select(l => l.Id));
    }
}
