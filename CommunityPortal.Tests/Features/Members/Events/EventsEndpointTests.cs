using System.Diagnostics;
using System.Net;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Infrastructure.Security;
using Xunit.Abstractions;
using static CommunityPortal.Tests.Features.Members.MembersApiSeed;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.Members.Events;

public sealed class EventsEndpointTests(ApiSite factory, ITestOutputHelper output) : IClassFixture<ApiSite>
{
    private const string Url = "/api/v1/events";
    private static readonly string Now = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private IServiceProvider Services => factory.Services;

    private static string Id() => $"e-{Guid.NewGuid():N}";

    private static object Batch(params object[] events) => new { events };

    private Task<EventBatchResponse> PostAsync(object batch, string role = Roles.Operator, string? language = null) =>
        PostAsync(factory.ClientAs(role, language), batch);

    private static async Task<EventBatchResponse> PostAsync(HttpClient client, object batch) =>
        await (await client.PostJsonAsync(Url, batch)).ReadAsync<EventBatchResponse>();

    [Fact]
    public async Task MixedBatch_KeepsTheValidEvents_AndNamesEachBadOnesIndexAndField()
    {
        var unionId = UnionId();
        var (m1, m2) = (await MemberAsync(Services, "事件一"), await MemberAsync(Services, "事件二", unionId: unionId));
        var group = await GroupAsync(Services);
        var activity = await ActivityAsync(Services);
        var ids = Enumerable.Range(0, 10).Select(_ => Id()).ToArray();

        var result = await PostAsync(Batch(
            new { clientEventId = ids[0], type = "joinedGroup", at = Now, member = new { memberNo = m1.MemberNo }, groupId = group },
            new { clientEventId = ids[1], type = "active", subtype = "message", at = Now, member = new { unionId }, groupId = group },
            new { clientEventId = ids[2], type = "purchased", amount = 99.5m, currency = "CNY", at = Now, member = new { memberNo = m1.MemberNo } },
            new { clientEventId = ids[3], type = "joinedGroup", at = Now, member = new { memberNo = 99_999_999 }, groupId = group },
            new { clientEventId = ids[4], type = "joinedGroup", at = Now, member = new { memberNo = m1.MemberNo }, groupId = 987_654 },
            new { clientEventId = ids[5], type = "purchased", amount = "abc", at = Now, member = new { memberNo = m1.MemberNo } },
            new { clientEventId = ids[6], type = "boughtSomething", at = Now, member = new { memberNo = m1.MemberNo } },
            new { clientEventId = ids[7], type = "active", member = new { memberNo = m1.MemberNo } },
            new { clientEventId = ids[8], type = "signedUp", at = Now, member = new { unionId }, activityId = activity.Id },
            42));

        Assert.Equal(["created", "created", "created", "error", "error", "error", "error", "error", "created", "error"], result.Items.Select(i => i.Outcome));
        Assert.Equal(Enumerable.Range(0, 10), result.Items.Select(i => i.Index));
        Assert.Equal((4, 6), (result.Created, result.Failed));
        Assert.Equal(
            [(3, "member.memberNo"), (4, "groupId"), (5, "amount"), (6, "type"), (7, "at"), (7, "subtype"), (9, null)],
            result.Errors.Select(e => (e.Index, e.Field)).OrderBy(e => e.Index).ThenBy(e => e.Field));
        Assert.Equal(ids[3], result.Errors.First(e => e.Index == 3).ClientEventId);
        Assert.Equal(1, await GroupCountAsync(Services, group));
        Assert.Equal(1, await CountAsync<MemberEvent>(Services, q => q.Where(e => e.MemberId == m1.Id && e.Kind == MemberEventKind.Purchased && e.Amount == 99.5m)));
        Assert.Equal(1, await CountAsync<MemberEvent>(Services, q => q.Where(e => e.MemberId == m2.Id && e.Kind == MemberEventKind.Active && e.Detail == "message")));
        // A reported sign-up lands in the sign-ups table, like the portal's own, and not twice.
        Assert.Equal(1, await CountAsync<CommunityPortal.Features.Signups.ActivitySignup>(Services, q => q.Where(s => s.MemberId == m2.Id && s.ActivityId == activity.Id)));
        Assert.Equal(0, await CountAsync<MemberEvent>(Services, q => q.Where(e => e.Kind == MemberEventKind.SignedUp)));
    }

    [Fact]
    public async Task Resend_ReportsEveryAppliedEventAsDuplicate_AndWritesNothing_ButAnotherKeyIsAnotherSender()
    {
        var member = await MemberAsync(Services, "重发");
        var group = await GroupAsync(Services);
        var activity = await ActivityAsync(Services);
        var ids = Enumerable.Range(0, 5).Select(_ => Id()).ToArray();
        var batch = Batch(
            new { clientEventId = ids[0], type = "joinedGroup", at = Now, member = new { memberNo = member.MemberNo }, groupId = group },
            new { clientEventId = ids[1], type = "active", subtype = "checkIn", at = Now, member = new { memberNo = member.MemberNo } },
            new { clientEventId = ids[2], type = "purchased", amount = 10, at = Now, member = new { memberNo = member.MemberNo } },
            new { clientEventId = ids[3], type = "signedUp", at = Now, member = new { memberNo = member.MemberNo }, activityId = activity.Id },
            new { clientEventId = ids[4], type = "leftGroup", at = DateTimeOffset.UtcNow.ToString("O"), member = new { memberNo = member.MemberNo }, groupId = group });
        var first = await PostAsync(batch);
        var (events, stays, receipts) = (await EventsOfAsync(member.Id), await StaysOfAsync(member.Id), await CountAsync<EventReceipt>(Services));

        var again = await PostAsync(batch);

        Assert.Equal(5, first.Created);
        Assert.Equal(5, again.Duplicates);
        Assert.All(again.Items, i => Assert.Equal("duplicate", i.Outcome));
        Assert.Equal((events, stays, receipts), (await EventsOfAsync(member.Id), await StaysOfAsync(member.Id), await CountAsync<EventReceipt>(Services)));
        Assert.Equal(0, await GroupCountAsync(Services, group));
        var otherKey = await PostAsync(Batch(new { clientEventId = ids[1], type = "active", subtype = "visit", at = Now, member = new { memberNo = member.MemberNo } }), Roles.Admin);
        Assert.Equal(1, otherKey.Created);
    }

    [Fact]
    public async Task SameClientEventIdTwiceInOneBatch_AppliesTheFirstOnly()
    {
        var member = await MemberAsync(Services, "同批重复");
        var id = Id();

        var result = await PostAsync(Batch(
            new { clientEventId = id, type = "active", subtype = "visit", at = Now, member = new { memberNo = member.MemberNo } },
            new { clientEventId = id, type = "active", subtype = "visit", at = Now, member = new { memberNo = member.MemberNo } }));

        Assert.Equal(["created", "duplicate"], result.Items.Select(i => i.Outcome));
        Assert.Equal(1, await EventsOfAsync(member.Id));
    }

    [Fact]
    public async Task JoinAndLeave_MoveTheGroupsMemberCount_InTimeOrder_AndANoOpIsUnchanged()
    {
        var (a, b) = (await MemberAsync(Services, "进群A"), await MemberAsync(Services, "进群B"));
        var group = await GroupAsync(Services);
        var at = DateTimeOffset.UtcNow.AddHours(-2);

        var joined = await PostAsync(Batch(
            new { clientEventId = Id(), type = "leftGroup", at = at.AddHours(1).ToString("O"), member = new { memberNo = a.MemberNo }, groupId = group },
            new { clientEventId = Id(), type = "joinedGroup", at = at.ToString("O"), member = new { memberNo = a.MemberNo }, groupId = group },
            new { clientEventId = Id(), type = "joinedGroup", at = at.ToString("O"), member = new { memberNo = b.MemberNo }, groupId = group },
            new { clientEventId = Id(), type = "joinedGroup", at = at.AddMinutes(5).ToString("O"), member = new { memberNo = b.MemberNo }, groupId = group }));

        Assert.Equal(["created", "created", "created", "unchanged"], joined.Items.Select(i => i.Outcome));
        Assert.Equal(1, await GroupCountAsync(Services, group));
        Assert.Equal(1, (await PostAsync(Batch(
            new { clientEventId = Id(), type = "leftGroup", at = Now, member = new { memberNo = b.MemberNo }, groupId = group }))).Created);
        Assert.Equal(0, await GroupCountAsync(Services, group));
    }

    [Fact]
    public async Task Join_AFullGroup_IsAnErrorForThatEventOnly()
    {
        var (a, b) = (await MemberAsync(Services, "满员A"), await MemberAsync(Services, "满员B"));
        var group = await GroupAsync(Services, capacity: 1);

        var result = await PostAsync(Batch(
            new { clientEventId = Id(), type = "joinedGroup", at = Now, member = new { memberNo = a.MemberNo }, groupId = group },
            new { clientEventId = Id(), type = "joinedGroup", at = Now, member = new { memberNo = b.MemberNo }, groupId = group }), language: "en");

        Assert.Equal(["created", "error"], result.Items.Select(i => i.Outcome));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("groupId", "The group is full (capacity 1)."), (error.Field, error.Message));
        Assert.Equal(1, await GroupCountAsync(Services, group));
        Assert.Equal(0, await StaysOfAsync(b.Id));
    }

    [Fact]
    public async Task UnknownMemberOrGroup_AreNamedPerEvent_InTheCallersLanguage()
    {
        var unknownUnion = UnionId();
        var batch = Batch(
            new { clientEventId = Id(), type = "active", subtype = "message", at = Now, member = new { unionId = unknownUnion } },
            new { clientEventId = Id(), type = "active", subtype = "message", at = Now, member = new { memberNo = 99_999_998 } },
            new { clientEventId = Id(), type = "joinedGroup", at = Now, member = new { memberNo = 99_999_998 }, groupId = 987_653 });

        var english = await PostAsync(batch, language: "en");
        var chinese = await PostAsync(batch);

        Assert.Equal($"No member has the UnionID {unknownUnion}.", english.Errors.Single(e => e.Index == 0).Message);
        Assert.Equal("没有学号为 99999998 的会员。", chinese.Errors.Single(e => e.Index == 1).Message);
        Assert.Equal(["member.memberNo", "groupId"], english.Errors.Where(e => e.Index == 2).Select(e => e.Field!));
        Assert.Equal("Group 987653 does not exist.", english.Errors.Single(e => e.Field == "groupId").Message);
    }

    [Fact]
    public async Task Times_AheadOfTheClockAreRefused_AndWithoutAnOffsetArePortalTime()
    {
        var member = await MemberAsync(Services, "时间");
        var local = CommunityPortal.Infrastructure.Time.PortalTime.ToLocal(DateTime.UtcNow.AddHours(-3));

        var result = await PostAsync(Batch(
            new { clientEventId = Id(), type = "active", subtype = "visit", at = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), member = new { memberNo = member.MemberNo } },
            new { clientEventId = Id(), type = "active", subtype = "visit", at = "22/11/2026 10:00", member = new { memberNo = member.MemberNo } },
            new { clientEventId = Id(), type = "active", subtype = "visit", at = local.ToString("yyyy-MM-ddTHH:mm:ss"), member = new { memberNo = member.MemberNo } }));

        Assert.Equal(["error", "error", "created"], result.Items.Select(i => i.Outcome));
        Assert.All(result.Errors, e => Assert.Equal("at", e.Field));
        var timeline = await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/members/{member.Id}/timeline");
        var entry = (await timeline.ReadAsync<PageResponse<TimelineEntry>>()).Items.First(e => e.Kind == TimelineKind.Active);
        Assert.Equal(CommunityPortal.Infrastructure.Time.PortalTime.ToUtc(local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond))), entry.At);
    }

    [Fact]
    public async Task SignUps_TwiceIsUnchanged_AndABlacklistedMemberIsRefused()
    {
        var member = await MemberAsync(Services, "报名");
        var spammer = await MemberAsync(Services, "广告");
        var activity = await ActivityAsync(Services);
        await (await factory.ClientAs(Roles.Manager).PostJsonAsync($"/api/v1/members/{spammer.Id}/blacklist", new { reason = "广告" })).ReadAsync<MemberResponse>();

        var result = await PostAsync(Batch(
            new { clientEventId = Id(), type = "signedUp", at = Now, member = new { memberNo = member.MemberNo }, activityId = activity.Id },
            new { clientEventId = Id(), type = "signedUp", at = Now, member = new { memberNo = member.MemberNo }, activityId = activity.Id },
            new { clientEventId = Id(), type = "signedUp", at = Now, member = new { memberNo = spammer.MemberNo }, activityId = activity.Id },
            new { clientEventId = Id(), type = "signedUp", at = Now, member = new { memberNo = member.MemberNo }, activityId = 987_652 }), language: "en");

        Assert.Equal(["created", "unchanged", "error", "error"], result.Items.Select(i => i.Outcome));
        Assert.Equal($"Member {spammer.MemberNo} is blacklisted and cannot sign up.", result.Errors.Single(e => e.Index == 2).Message);
        Assert.Equal("activityId", result.Errors.Single(e => e.Index == 3).Field);
        var timeline = await (await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/members/{member.Id}/timeline")).ReadAsync<PageResponse<TimelineEntry>>();
        Assert.Equal(activity.Name, Assert.Single(timeline.Items, e => e.Kind == TimelineKind.SignedUp).Text);
    }

    [Fact]
    public async Task EventFields_AreCheckedPerType()
    {
        var member = new { memberNo = 10001 };
        var result = await PostAsync(Batch(
            new { type = "active", subtype = "dance", at = Now, member },
            new { clientEventId = new string('x', 65), type = "joinedGroup", at = Now, member },
            new { clientEventId = Id(), type = "purchased", amount = 0.005m, currency = "USD", at = Now, member },
            new { clientEventId = Id(), type = "signedUp", at = Now, member = new { memberNo = 10001, unionId = UnionId() } },
            new { clientEventId = Id(), type = "active", subtype = "visit", at = Now, member = new { unionId = "short" } }));

        Assert.Equal(
            [(0, "clientEventId"), (0, "subtype"), (1, "clientEventId"), (1, "groupId"), (2, "amount"), (2, "currency"), (3, "activityId"), (3, "member"), (4, "member.unionId")],
            result.Errors.Select(e => (e.Index, e.Field!)).OrderBy(e => e.Index).ThenBy(e => e.Item2, StringComparer.Ordinal));
        Assert.Null(result.Items[0].ClientEventId);
    }

    [Fact]
    public async Task Batch_OfMoreThan1000_OrEmpty_OrNotJson_IsRefusedWhole()
    {
        var member = await MemberAsync(Services, "超量");
        var many = Enumerable.Range(0, 1001)
            .Select(_ => new { clientEventId = Id(), type = "active", subtype = "visit", at = Now, member = new { memberNo = member.MemberNo } }).ToArray();
        var client = factory.ClientAs(Roles.Operator, "en");

        var tooMany = await (await client.PostJsonAsync(Url, new { events = many })).ReadFieldErrorsAsync("events");
        var empty = await (await client.PostJsonAsync(Url, new { events = Array.Empty<object>() })).ReadFieldErrorsAsync("events");

        Assert.Equal("A batch holds at most 1,000 events; this one has 1,001.", Assert.Single(tooMany));
        Assert.NotEmpty(empty);
        Assert.Equal(0, await EventsOfAsync(member.Id));
        await (await client.PostRawAsync(Url, "{\"events\": [")).ReadProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostRawAsync(Url, "[]")).ReadFieldErrorsAsync("events");
        await (await client.PostRawAsync(Url, "events=1", "application/x-www-form-urlencoded")).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Events_NeedAnOperatorKey()
    {
        var batch = Batch(new { clientEventId = Id(), type = "active", subtype = "visit", at = Now, member = new { memberNo = 10001 } });

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client(key: null).PostJsonAsync(Url, batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Viewer).PostJsonAsync(Url, batch)).StatusCode);
    }

    [Fact]
    public async Task FullBatch_Of1000Events_IsApplied_AndItsResendWritesNothing()
    {
        var numbers = await ManyMembersAsync(Services, 1000);
        var groups = new[] { await GroupAsync(Services, 500), await GroupAsync(Services, 500), await GroupAsync(Services, 500), await GroupAsync(Services, 500) };
        var events = numbers.Select((no, i) => i % 2 == 0
                ? (object)new { clientEventId = Id(), type = "joinedGroup", at = Now, member = new { memberNo = no }, groupId = groups[i % 4] }
                : new { clientEventId = Id(), type = i % 3 == 0 ? "purchased" : "active", subtype = "message", amount = 19.9m, at = Now, member = new { memberNo = no } })
            .ToArray();
        var client = factory.ClientAs(Roles.Operator);
        var warmUp = await MemberAsync(Services, "预热");
        await PostAsync(client, Batch(
            new { clientEventId = Id(), type = "joinedGroup", at = Now, member = new { memberNo = warmUp.MemberNo }, groupId = groups[1] },
            new { clientEventId = Id(), type = "leftGroup", at = DateTimeOffset.UtcNow.ToString("O"), member = new { memberNo = warmUp.MemberNo }, groupId = groups[1] },
            new { clientEventId = Id(), type = "active", subtype = "visit", at = Now, member = new { memberNo = warmUp.MemberNo } }));
        var before = await CountAsync<MemberEvent>(Services);

        var clock = Stopwatch.StartNew();
        var first = await PostAsync(client, new { events });
        var firstTime = clock.Elapsed;
        clock.Restart();
        var again = await PostAsync(client, new { events });
        output.WriteLine($"1,000 events (500 joins, 500 activity/purchase): {firstTime.TotalMilliseconds:0} ms; resent: {clock.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(1000, first.Created);
        Assert.Equal(1000, again.Duplicates);
        var counts = new List<int>();
        foreach (var group in groups)
        {
            counts.Add(await GroupCountAsync(Services, group));
        }
        Assert.Equal([250, 0, 250, 0], counts);
        Assert.Equal(before + 500 + 500, await CountAsync<MemberEvent>(Services)); // 500 facts, 500 group tags added on join
    }

    private Task<int> EventsOfAsync(int memberId) =>
        CountAsync<MemberEvent>(Services, q => q.Where(e => e.MemberId == memberId && e.ClientEventId != null));

    private Task<int> StaysOfAsync(int memberId) => CountAsync<GroupMembership>(Services, q => q.Where(m => m.MemberId == memberId));
}
