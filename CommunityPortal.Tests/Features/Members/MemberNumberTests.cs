using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members;

public sealed class MemberNumberTests : MemberTestBase
{
    [Fact]
    public async Task Create_ManyAtOnce_GivesEachTheNextNumberFrom10001_WithoutGapsOrRepeats()
    {
        const int people = 40;

        var created = await Task.WhenAll(Enumerable.Range(0, people).Select(i => Task.Run(async () =>
        {
            using var scope = Database.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<MemberService>()
                .CreateAsync(new MemberInput { Nickname = $"并发{i}" }, Xiaowang);
        })));

        Assert.Equal(Enumerable.Range(Member.FirstMemberNo, people), created.Select(m => m.MemberNo).Order());
        await using var db = Database.CreateDbContext();
        Assert.Equal(people, await db.Set<Member>().Select(m => m.MemberNo).Distinct().CountAsync());
    }

    [Fact]
    public async Task Create_AfterTheNewestMemberWasDeleted_NeverGivesItsNumberAgain()
    {
        await CreateMemberAsync("一号");
        var second = await CreateMemberAsync("二号");
        await Members.DeleteAsync(second.Id);

        var third = await CreateMemberAsync("三号");

        Assert.Equal(10002, second.MemberNo);
        Assert.Equal(10003, third.MemberNo);
    }

    [Fact]
    public async Task Create_WhenRefused_LeavesNoGap()
    {
        await Assert.ThrowsAsync<PortalValidationException>(() => CreateMemberAsync("坏号码", phone: "12345"));

        var first = await CreateMemberAsync("好号码", phone: "13812345678");

        Assert.Equal(10001, first.MemberNo);
    }

    [Fact]
    public async Task Create_WhenAWriteFailsAfterTheNumberWasTaken_WritesNothingAndGivesTheNumberBack()
    {
        var channel = await ChannelAsync("公众号文章");
        // The member row is in, its number taken; then the channel's automatic tag cannot be written.
        await Database.ExecuteAsync("CREATE TRIGGER fail_tags BEFORE INSERT ON MemberTags BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;");

        await Assert.ThrowsAnyAsync<Exception>(() => CreateMemberAsync("半途", channelId: channel));

        Assert.Equal(0, await CountAsync<Member>());
        Assert.Equal(0, await CountAsync<MemberEvent>());
        await Database.ExecuteAsync("DROP TRIGGER fail_tags;");
        Assert.Equal(10001, (await CreateMemberAsync("重来", channelId: channel)).MemberNo);
    }

    [Fact]
    public async Task Reserve_OutsideATransaction_IsRefused()
    {
        await using var db = Database.CreateDbContext();

        await Assert.ThrowsAsync<InvalidOperationException>(() => MemberNumbers.ReserveAsync(db, 1, CancellationToken.None));
    }
}
