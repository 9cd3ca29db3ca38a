using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Tests.Features.Matrix;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Data;

/// <summary>Issue 2, point 10: domain events are published after the database commit, never before it, and only once.</summary>
public sealed class DomainEventTests : MatrixTestBase
{
    private DomainEventBus Bus => Database.Get<DomainEventBus>();

    private List<T> PublishedOf<T>() => [.. Published.OfType<T>()];

    // ---- what the group service publishes ----

    [Fact]
    public async Task CreatingAGroup_PublishesGroupCreated_OnceWithItsNewId()
    {
        var activity = await MatrixWithOneActivityAsync();

        var group = await GroupAsync("福利1群", activity.Id, memberCount: 12, capacity: 300);

        Assert.Equal([new GroupCreated(group.Id, activity.Id, GroupTier.Welfare, 300, 12)], PublishedOf<GroupCreated>());
    }

    [Fact]
    public async Task ChangingTheMemberCount_PublishesMemberCountChanged_ButNoStatusChange()
    {
        var activity = await MatrixWithOneActivityAsync();
        var group = await GroupAsync("福利1群", activity.Id, memberCount: 10);
        ForgetPublishedEvents();
        var input = group.ToInput();
        input.MemberCount = 25;

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal([new GroupUpdated(group.Id), new GroupMemberCountChanged(group.Id, activity.Id, 10, 25)], Published);
    }

    [Fact]
    public async Task ChangingTheStatus_PublishesStatusChanged_ButNoMemberCountChange()
    {
        var group = await GroupAsync("福利1群");
        ForgetPublishedEvents();
        var input = group.ToInput();
        input.Status = GroupStatus.Open;

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal([new GroupUpdated(group.Id), new GroupStatusChanged(group.Id, GroupStatus.Planned, GroupStatus.Open)], Published);
    }

    [Fact]
    public async Task ChangingBothCountAndStatus_PublishesBoth()
    {
        var group = await GroupAsync("福利1群", memberCount: 199, capacity: 200, status: GroupStatus.Open);
        ForgetPublishedEvents();
        var input = group.ToInput();
        input.MemberCount = 200;
        input.Status = GroupStatus.Full;

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Contains(new GroupMemberCountChanged(group.Id, null, 199, 200), Published);
        Assert.Contains(new GroupStatusChanged(group.Id, GroupStatus.Open, GroupStatus.Full), Published);
    }

    [Fact]
    public async Task ChangingNeitherCountNorStatus_PublishesOnlyGroupUpdated()
    {
        var group = await GroupAsync("福利1群", memberCount: 10);
        ForgetPublishedEvents();
        var input = group.ToInput();
        input.Announcement = "新公告";

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal([new GroupUpdated(group.Id)], Published);
    }

    [Fact]
    public async Task ArchivingAndDeleting_PublishTheirEvents()
    {
        var open = await GroupAsync("开放群", status: GroupStatus.Open);
        var planned = await GroupAsync("筹备群");
        ForgetPublishedEvents();

        await Groups.ArchiveAsync(open.Id);
        await Groups.DeleteAsync(planned.Id);

        Assert.Equal([new GroupStatusChanged(open.Id, GroupStatus.Open, GroupStatus.Archived), new GroupDeleted(planned.Id, null)], Published);
    }

    [Fact]
    public async Task CreatingThemeSeriesAndActivity_PublishesOneCreatedEventEach()
    {
        var activity = await MatrixWithOneActivityAsync();

        Assert.Equal(
            [new ThemeChanged(activity.ThemeId, ChangeKind.Created), new SeriesChanged(activity.SeriesId, activity.ThemeId, ChangeKind.Created),
                new ActivityChanged(activity.Id, activity.SeriesId, ChangeKind.Created)],
            Published);
    }

    // ---- nothing when the save fails ----

    [Fact]
    public async Task ARefusedCreateOrUpdate_PublishesNothing()
    {
        var group = await GroupAsync("福利1群");
        ForgetPublishedEvents();
        var bad = group.ToInput();
        bad.MemberCount = 999;

        await Assert.ThrowsAsync<PortalValidationException>(() => Groups.CreateAsync(NewGroup("")));
        await Assert.ThrowsAsync<PortalValidationException>(() => Groups.UpdateAsync(group.Id, bad, group.Version));
        await Assert.ThrowsAsync<PortalValidationException>(() => Themes.CreateAsync(new ThemeInput()));

        Assert.Empty(Published);
    }

    [Fact]
    public async Task AnUpdateRefusedAsAConcurrencyConflict_PublishesNothing()
    {
        var group = await GroupAsync("福利1群", memberCount: 1);
        var first = group.ToInput();
        first.MemberCount = 2;
        await Groups.UpdateAsync(group.Id, first, group.Version);
        ForgetPublishedEvents();
        var second = group.ToInput();
        second.MemberCount = 3;
        second.Status = GroupStatus.Open;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Groups.UpdateAsync(group.Id, second, group.Version));

        Assert.Empty(Published);
    }

    [Fact]
    public async Task InARaceBetweenTwoSaves_OnlyTheWinnersEventsArePublished()
    {
        var group = await GroupAsync("福利1群", memberCount: 1);
        ForgetPublishedEvents();
        var theirs = group.ToInput();
        theirs.MemberCount = 50;
        var meanwhile = new Meanwhile("UPDATE \"Groups\"", () => Groups.UpdateAsync(group.Id, theirs, group.Version));
        var mine = group.ToInput();
        mine.MemberCount = 70;

        var myResult = await Record.ExceptionAsync(() => new InterceptedDbContextFactory(Database, meanwhile).Service<GroupService>()
            .UpdateAsync(group.Id, mine, group.Version));
        var theirResult = await Record.ExceptionAsync(() => meanwhile.Other);

        var winnerCount = myResult is null ? 70 : 50;
        Assert.Equal([new GroupMemberCountChanged(group.Id, null, 1, winnerCount)], PublishedOf<GroupMemberCountChanged>());
        Assert.Single(new[] { myResult, theirResult }, e => e is ConcurrencyConflictException);
    }

    [Fact]
    public async Task ASaveThatTheDatabaseRejects_PublishesNothing()
    {
        await using var db = Database.CreateDbContext();
        var orphan = new Group { Name = "孤儿群", ActivityId = 404, Rules = [], Labels = [] };
        orphan.Raise(new GroupCreated(0, 404, GroupTier.Welfare, 200, 0));
        db.Add(orphan);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Empty(Published);
    }

    // ---- after the commit, never before ----

    [Fact]
    public async Task AHandlerReadingTheDatabase_SeesTheCreatedGroup()
    {
        var seen = new List<string>();
        using var reader = Bus.Subscribe(e =>
        {
            if (e is GroupCreated created)
            {
                using var db = Database.CreateDbContext();
                var row = db.Set<Group>().AsNoTracking().Single(g => g.Id == created.GroupId);
                seen.Add($"{row.Name}/{row.MemberCount}");
            }
        });

        await GroupAsync("福利1群", memberCount: 42);

        Assert.Equal(["福利1群/42"], seen);
    }

    [Fact]
    public async Task AHandlerReadingTheDatabase_SeesTheNewMemberCount()
    {
        var group = await GroupAsync("福利1群", memberCount: 10);
        var seen = new List<int>();
        using var reader = Bus.Subscribe(e =>
        {
            if (e is GroupMemberCountChanged changed)
            {
                using var db = Database.CreateDbContext();
                seen.Add(db.Set<Group>().AsNoTracking().Single(g => g.Id == changed.GroupId).MemberCount);
            }
        });
        var input = group.ToInput();
        input.MemberCount = 11;

        await Groups.UpdateAsync(group.Id, input, group.Version);

        Assert.Equal([11], seen);
    }

    [Fact]
    public async Task ASubscriberThatThrows_DoesNotBreakTheSave_NorTheOtherSubscribers()
    {
        using var faulty = Bus.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));

        var group = await GroupAsync("福利1群");

        Assert.Equal("福利1群", (await Groups.GetAsync(group.Id)).Name);
        Assert.Contains(Published, e => e is GroupCreated c && c.GroupId == group.Id);
    }

    // ---- explicit transactions ----

    private async Task<Theme> AddThemeAsync(PortalDbContextScope scope, string name)
    {
        var theme = new Theme { Name = name };
        theme.Raise(new ThemeChanged(0, ChangeKind.Created));
        scope.Db.Add(theme);
        await scope.Db.SaveChangesAsync();
        return theme;
    }

    [Fact]
    public async Task InATransaction_EventsWaitForTheCommit()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();

        await AddThemeAsync(scope, "事务主题");
        var beforeCommit = Published.Count;
        await transaction.CommitAsync();

        Assert.Equal(0, beforeCommit);
        Assert.Single(PublishedOf<ThemeChanged>());
    }

    [Fact]
    public async Task InATransaction_AHandlerSeesTheRow_BecauseItRunsAfterTheCommit()
    {
        var seen = new List<bool>();
        using var reader = Bus.Subscribe(e =>
        {
            using var db = Database.CreateDbContext();
            seen.Add(db.Set<Theme>().Any(t => t.Name == "事务主题"));
        });
        await using var scope = new PortalDbContextScope(Database);
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();

        await AddThemeAsync(scope, "事务主题");
        await transaction.CommitAsync();

        Assert.Equal([true], seen);
    }

    [Fact]
    public async Task InATransaction_SeveralSaves_ArePublishedTogetherAtTheCommit_InOrder()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();
        var first = await AddThemeAsync(scope, "一");
        first.Raise(new ThemeChanged(first.Id, ChangeKind.Updated));
        first.Description = "改";
        await scope.Db.SaveChangesAsync();
        await AddThemeAsync(scope, "二");
        Assert.Empty(Published);

        await transaction.CommitAsync();

        Assert.Equal([ChangeKind.Created, ChangeKind.Updated, ChangeKind.Created], PublishedOf<ThemeChanged>().Select(e => e.Kind));
    }

    [Fact]
    public async Task ARolledBackTransaction_PublishesNothing_AndLaterSavesPublishOnlyTheirOwn()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using (var transaction = await scope.Db.Database.BeginTransactionAsync())
        {
            await AddThemeAsync(scope, "回滚的主题");
            await transaction.RollbackAsync();
        }
        Assert.Empty(Published);
        await NextSave_PublishesOnlyItsOwnEventAsync(scope);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_PublishesNothing_NotEvenWithTheNextSave()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using (await scope.Db.Database.BeginTransactionAsync())
        {
            await AddThemeAsync(scope, "未提交的主题");
        }
        await NextSave_PublishesOnlyItsOwnEventAsync(scope);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_IsNotPublishedByTheNextTransactionsCommit()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using (await scope.Db.Database.BeginTransactionAsync())
        {
            await AddThemeAsync(scope, "未提交的主题");
        }
        scope.Db.ChangeTracker.Clear();

        await using (var next = await scope.Db.Database.BeginTransactionAsync())
        {
            await next.CommitAsync();
        }

        Assert.Empty(Published);
    }

    [Fact]
    public async Task InATransaction_ASaveThatFails_DoesNotPublish_ButTheEarlierSaveDoesAtTheCommit()
    {
        await using var scope = new PortalDbContextScope(Database);
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();
        await AddThemeAsync(scope, "成功的主题");
        var orphan = new Group { Name = "孤儿群", ActivityId = 404, Rules = [], Labels = [] };
        orphan.Raise(new GroupCreated(0, 404, GroupTier.Welfare, 200, 0));
        scope.Db.Add(orphan);
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        scope.Db.Entry(orphan).State = EntityState.Detached;

        await transaction.CommitAsync();

        Assert.Equal([new ThemeChanged(0, ChangeKind.Created)], Published);
    }

    /// <summary>One context used for a whole story, the way a future feature might hold a unit of work.</summary>
    private sealed class PortalDbContextScope(PortalDatabase database) : IAsyncDisposable
    {
        public CommunityPortal.Data.PortalDbContext Db { get; } = database.CreateDbContext();

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    /// <summary>A later plain save in the same context publishes its own event and nothing left over.</summary>
    private async Task NextSave_PublishesOnlyItsOwnEventAsync(PortalDbContextScope scope)
    {
        scope.Db.ChangeTracker.Clear();
        var kept = new Theme { Name = "保留的主题" };
        kept.Raise(new ThemeChanged(-1, ChangeKind.Updated));
        scope.Db.Add(kept);
        await scope.Db.SaveChangesAsync();

        Assert.Equal([new ThemeChanged(-1, ChangeKind.Updated)], Published);
        Assert.Equal(["保留的主题"], (await Themes.ListAsync()).Select(t => t.Name));
    }
}
