using System.Globalization;
using System.Security.Claims;
using System.Threading.Channels;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using static CommunityPortal.Tests.Infrastructure.Notifications.FakeNotificationSource;

namespace CommunityPortal.Tests.Infrastructure.Notifications;

/// <summary>The center over fake sources: what a user's feed holds, what it raises, and in which culture.</summary>
public sealed class NotificationCenterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly Channel<(NotificationUpdate Update, string Culture)> _updates = Channel.CreateUnbounded<(NotificationUpdate, string)>();

    private static ClaimsPrincipal User(string name) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));

    private static NotificationCenter Center(params INotificationSource[] sources) => new(sources, NullLogger<NotificationCenter>.Instance);

    private Task<NotificationFeed?> OpenAsync(NotificationCenter center, string user) =>
        center.OpenAsync(User(user), update => _updates.Writer.TryWrite((update, CultureInfo.CurrentUICulture.Name)));

    /// <summary>The next update; an unexpected one in between fails the step that expected another.</summary>
    private async Task<(NotificationUpdate Update, string Culture)> NextAsync() =>
        await _updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Feed_MergesSources_MostSevereFirst_ThenNewest_EqualOnesInRegistrationOrder()
    {
        var first = new FakeNotificationSource("小王");
        var second = new FakeNotificationSource("小王");
        first.Put("小王", Note("a", NotificationSeverity.Warning, "A", Now));
        first.Put("小王", Note("b", NotificationSeverity.Info, "B", Now.AddHours(2)));
        second.Put("小王", Note("c", NotificationSeverity.Warning, "C", Now));
        second.Put("小王", Note("d", NotificationSeverity.Critical, "D", Now.AddHours(-5)));
        second.Put("小王", Note("e", NotificationSeverity.Warning, "E", Now.AddMinutes(1)));

        using var feed = await OpenAsync(Center(first, second), "小王");

        Assert.Equal(["D", "E", "A", "C", "B"], feed!.Current.Select(n => n.Title));
    }

    [Fact]
    public async Task Feed_IsNull_WhenNoSourceNotifiesTheUser_AndLeavesOutSourcesThatDoNot()
    {
        var forOthers = new FakeNotificationSource("小李");
        var forMe = new FakeNotificationSource("小王");
        forOthers.Put("小李", Note("x", NotificationSeverity.Critical, "not mine", Now));
        forMe.Put("小王", Note("y", NotificationSeverity.Info, "mine", Now));

        Assert.Null(await OpenAsync(Center(forOthers), "小王"));
        using var feed = await OpenAsync(Center(forOthers, forMe), "小王");

        Assert.Equal(["mine"], feed!.Current.Select(n => n.Title));
        Assert.Equal((0, 1), (forOthers.Subscribers, forMe.Subscribers));
        feed.Dispose();
        Assert.Equal(0, forMe.Subscribers);
    }

    [Fact]
    public async Task Update_RaisesNewKeysAndRisingSeverities_NotNewTextsFallingSeveritiesOrOtherUsersNotes()
    {
        using var culture = new CultureScope("en");
        var source = new FakeNotificationSource("小王", "小李");
        using var feed = await OpenAsync(Center(source), "小王");

        source.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", Now));
        var (update, _) = await NextAsync();
        Assert.Equal(["task-1"], update.Raised.Select(n => n.Key));

        source.Put("小李", Note("task-2", NotificationSeverity.Critical, "not mine", Now));
        source.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", Now, text: "08:00"));
        (update, _) = await NextAsync();
        Assert.Empty(update.Raised);
        Assert.Equal("08:00[en]", Assert.Single(update.Current).Text);

        source.Put("小王", Note("task-1", NotificationSeverity.Warning, "早安问候", Now, text: "08:00"));
        (update, _) = await NextAsync();
        Assert.Equal([NotificationSeverity.Warning], update.Raised.Select(n => n.Severity));

        source.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", Now, text: "08:00"));
        (update, _) = await NextAsync();
        Assert.Empty(update.Raised);

        source.Remove("小王", "task-1");
        (update, _) = await NextAsync();
        Assert.Equal((0, 0), (update.Current.Count, update.Raised.Count));
        Assert.Empty(feed!.Current);
    }

    [Fact]
    public async Task ReadsAndUpdates_RunInTheCultureTheFeedWasOpenedIn_NotTheSignallingThreads()
    {
        var source = new FakeNotificationSource("小王");
        NotificationFeed? feed;
        using (new CultureScope("zh-CN"))
        {
            feed = await OpenAsync(Center(source), "小王");
        }
        using (feed)
        using (new CultureScope("en"))
        {
            source.Put("小王", Note("task-1", NotificationSeverity.Info, "早安问候", Now, text: "08:00"));

            var (update, culture) = await NextAsync();
            Assert.Equal(("zh-CN", "08:00[zh-CN]"), (culture, Assert.Single(update.Raised).Text));
        }
    }

    [Fact]
    public async Task FailingSource_ShowsNothingYet_KeepsWhatItShowedWhenItFailsAgain_AndOthersGoOn()
    {
        var flaky = new FakeNotificationSource("小王") { Fails = true };
        var steady = new FakeNotificationSource("小王");
        flaky.Put("小王", Note("f1", NotificationSeverity.Critical, "F1", Now));
        using var feed = await OpenAsync(Center(flaky, steady), "小王");
        Assert.Empty(feed!.Current);

        flaky.Fails = false;
        flaky.Put("小王", Note("f2", NotificationSeverity.Warning, "F2", Now));
        var (update, _) = await NextAsync();
        Assert.Equal(["F1", "F2"], update.Raised.Select(n => n.Title));

        flaky.Fails = true;
        flaky.Put("小王", Note("f3", NotificationSeverity.Warning, "F3", Now));
        steady.Put("小王", Note("s1", NotificationSeverity.Info, "S1", Now));
        (update, _) = await NextAsync();
        Assert.Equal(["S1"], update.Raised.Select(n => n.Title));
        Assert.Equal(["F1", "F2", "S1"], update.Current.Select(n => n.Title));
    }
}
