using System.Data.Common;
using System.Diagnostics;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>The import itself: one unit, numbers as one range, tags and group stays by the domain's rules.</summary>
public sealed class MemberImportTests(ITestOutputHelper output) : ImportTestBase
{
    private const string UnionA = "oAbcdefghijklmnopqrstuvwxyz01";

    [Fact]
    public async Task Import_CreatesMembersWithTheNextNumbers_TheirTagsAndGroupStays_AndTheGroupCountFollows()
    {
        var reading = await TagAsync("亲子阅读");
        var english = await TagAsync("英语启蒙");
        var group = await GroupAsync("福利1群", memberCount: 30);
        var channel = await ChannelAsync("公众号文章");
        var before = await CreateMemberAsync("已有会员");
        var preview = await PreviewAsync(Gbk(ChineseHeader,
            "小雨妈妈,王老师,138 0013 8000,,女,上海,S,亲子阅读;英语启蒙,公众号文章,福利1群",
            "张晨曦,,,,,,,英语启蒙,,福利1群",
            "Amy,,,,,,,,,"));

        var result = await ImportAsync(preview);

        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Skipped));
        Assert.Equal((before.MemberNo + 1, before.MemberNo + 3), (result.FirstMemberNo, result.LastMemberNo));
        var first = await Members.GetByNumberAsync(before.MemberNo + 1);
        Assert.Equal(("小雨妈妈", "王老师", "13800138000", Gender.Female, "上海", GrowthLevel.S, (int?)channel),
            (first.Nickname, first.RemarkName, first.Phone, first.Gender, first.Region, first.GrowthLevel, first.FirstChannelId));
        Assert.Equal(GrowthLevel.C, (await Members.GetByNumberAsync(before.MemberNo + 3)).GrowthLevel);
        Assert.Equal(
            new[] { "亲子阅读", "公众号文章", "福利1群", "英语启蒙", result.BatchTagName }.Order(StringComparer.Ordinal),
            first.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Equal(MembershipSource.Csv, Assert.Single(await Memberships.ListAsync(first.Id)).Source);
        Assert.Equal(before.MemberNo + 3, await LastIssuedAsync());
        Assert.Equal(3, Database.Published<MemberCreated>().Count(e => e.MemberId != before.Id));
        Assert.Equal(2, Database.Published<MemberJoinedGroup>().Count);
        Assert.Contains(Database.Published<GroupMemberCountChanged>(), e => e.GroupId == group.Id && e.NewCount == 2);
        _ = (reading, english);
    }

    [Fact]
    public async Task Import_RecordsTheImportOnEachMembersTimeline_AsTheBatchTagAddedByTheImportingUser()
    {
        var preview = await PreviewAsync(Utf8("昵称", "甲", "乙"));

        var result = await ImportAsync(preview);

        var member = await Members.GetByNumberAsync(result.FirstMemberNo!.Value);
        var fact = Assert.Single((await Timeline.GetAsync(member.Id)).Items, e => e.Kind == TimelineKind.TagAdded);
        Assert.Equal((result.BatchTagName, "小王"), (fact.TagName, fact.ActorName));
        Assert.StartsWith("导入 ", result.BatchTagName, StringComparison.Ordinal);
        var batch = Assert.Single(await Tags.ListAsync(), g => g.IsAuto);
        Assert.Equal(("导入批次", TagGroupKind.Behaviour), (batch.Name, batch.Kind));
        Assert.Equal(2, await Query.CountAsync(new MemberFilter { TagsAllOf = [result.BatchTagId] }));
    }

    [Fact]
    public async Task Import_UpdatePolicy_ReplacesFilledCells_KeepsEmptyOnes_AndOnlyAddsTagsAndGroups()
    {
        var reading = await TagAsync("亲子阅读");
        var english = await TagAsync("英语启蒙");
        var group = await GroupAsync("核心群");
        var old = await CreateMemberAsync("老昵称", phone: "13900139000", unionId: UnionA);
        await Members.UpdateAsync(old.Id, new MemberInput { Nickname = "老昵称", Phone = "13900139000", UnionId = UnionA, Region = "北京" },
            old.Version, Xiaowang);
        await Tags.AddToMemberAsync(old.Id, english.Id, Xiaowang);
        var preview = await PreviewAsync(Utf8("昵称,手机,UnionID,地区,成长等级,标签,群", $"新昵称,,{UnionA},,A,亲子阅读,核心群"), DuplicatePolicy.Update);

        var result = await ImportAsync(preview);

        var member = await Members.GetAsync(old.Id);
        Assert.Equal((0, 1), (result.Created, result.Updated));
        Assert.Equal(("新昵称", "13900139000", "北京", GrowthLevel.A), (member.Nickname, member.Phone, member.Region, member.GrowthLevel));
        Assert.True(member.Version > old.Version + 1);
        Assert.Equal(new[] { "亲子阅读", "核心群", "英语启蒙", result.BatchTagName }.Order(StringComparer.Ordinal),
            member.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains((await Timeline.GetAsync(old.Id)).Items, e => e.Kind == TimelineKind.GrowthChanged);
        Assert.Equal(1, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Equal(old.MemberNo, await LastIssuedAsync());
        _ = reading;
    }

    [Fact]
    public async Task Import_SkipPolicy_LeavesExistingMembersAsTheyWere()
    {
        var old = await CreateMemberAsync("老昵称", unionId: UnionA);
        var preview = await PreviewAsync(Utf8("昵称,UnionID,地区", $"新昵称,{UnionA},上海", "新人,,广州"));

        var result = await ImportAsync(preview);

        var member = await Members.GetAsync(old.Id);
        Assert.Equal((1, 0, 1), (result.Created, result.Updated, result.Skipped));
        Assert.Equal(("老昵称", null, old.Version), (member.Nickname, member.Region, member.Version));
        Assert.Empty(member.Tags);
    }

    [Fact]
    public async Task Import_CancelledMidway_WritesNothing_AndLeavesTheCounterWhereItWas()
    {
        await TagAsync("亲子阅读");
        var group = await GroupAsync("大群", capacity: 500);
        var counter = await LastIssuedAsync();
        var preview = await PreviewAsync(Utf8(["昵称,标签,群", .. Enumerable.Range(0, 5000).Select(i => $"会员{i},亲子阅读,{(i < 400 ? "大群" : "")}")]));
        using var cancel = new CancellationTokenSource();
        var reported = new List<int>();
        var progress = new Inline(done =>
        {
            reported.Add(done);
            if (done >= 2 * MemberImporter.ChunkSize)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Importer.ImportAsync(preview, Xiaowang, progress, cancel.Token));

        Assert.Equal([1000, 2000], reported);
        await AssertNothingWrittenAsync(counter);
        Assert.Equal(0, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Empty(Database.Published<MemberCreated>());
    }

    [Fact]
    public async Task Import_FailingMidway_WritesNothing_AndLeavesTheCounterWhereItWas()
    {
        await TagAsync("亲子阅读");
        await GroupAsync("大群", capacity: 500);
        var counter = await LastIssuedAsync();
        var preview = await PreviewAsync(Utf8(["昵称,标签,群", .. Enumerable.Range(0, 3000).Select(i => $"会员{i},亲子阅读,{(i % 10 == 0 ? "大群" : "")}")]));
        // The second chunk's group stays fail, after its members and tags went in.
        await Database.ExecuteAsync("""
            CREATE TRIGGER fail_import BEFORE INSERT ON GroupMemberships
            WHEN (SELECT COUNT(*) FROM GroupMemberships) >= 150
            BEGIN SELECT RAISE(ABORT, 'forced failure'); END;
            """);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => ImportAsync(preview));

        Assert.Contains("forced failure", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(counter);
    }

    [Fact]
    public async Task Import_WhenAMemberWithTheFilesPhoneAppearedSinceThePreview_IsRefused_AndWritesNothing()
    {
        var counter = await LastIssuedAsync();
        var preview = await PreviewAsync(Utf8("昵称,手机", "甲,13800138000", "乙,13900139000"));
        var meanwhile = await CreateMemberAsync("别人先建了", phone: "13900139000");

        var error = await Assert.ThrowsAsync<ConflictException>(() => ImportAsync(preview));

        Assert.Contains("重新上传", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<Member>());
        Assert.Equal(meanwhile.MemberNo, await LastIssuedAsync());
        Assert.Equal(counter + 1, await LastIssuedAsync());
    }

    [Fact]
    public async Task Import_OneHundredThousandRows_CompletesWithProgress()
    {
        await TagAsync("亲子阅读");
        await TagAsync("英语启蒙");
        var group = await GroupAsync("大群", capacity: 500);
        var lines = Enumerable.Range(0, 100_000).Select(i => FormattableString.Invariant(
            $"会员{i},,1{3 + i % 7}{i:D9},o{i:D27},{(i % 2 == 0 ? "女" : "男")},上海,C,{(i % 3 == 0 ? "亲子阅读;英语启蒙" : "英语启蒙")},,{(i < 300 ? "大群" : "")}"));
        var bytes = Gbk([ChineseHeader, .. lines]);
        var reported = new List<int>();

        var clock = Stopwatch.StartNew();
        var preview = await PreviewAsync(bytes);
        var previewTime = clock.Elapsed;
        clock.Restart();
        var result = await ImportAsync(preview, new Inline(reported.Add));
        var importTime = clock.Elapsed;

        output.WriteLine($"100,000 rows ({bytes.Length / 1024} KB GBK): preview {previewTime.TotalSeconds:0.0} s, import {importTime.TotalSeconds:0.0} s, " +
            $"write lock held {result.WriteLockHeld.TotalSeconds:0.0} s");
        Assert.Equal(100_000, result.Created);
        Assert.Equal(100, reported.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => i * 1000), reported);
        Assert.Equal(100_000, await CountAsync<Member>());
        Assert.Equal(100_000 + 33_334 + 100_000 + 300, await CountAsync<MemberTag>());
        Assert.Equal(300, (await Database.Get<GroupService>().GetAsync(group.Id)).MemberCount);
        Assert.Equal(Member.FirstMemberNo + 99_999, await LastIssuedAsync());
    }

    private Task<ImportResult> ImportAsync(ImportPreview preview, IProgress<int>? progress = null)
    {
        using var zh = new CultureScope("zh-CN");
        return Importer.ImportAsync(preview, Xiaowang, progress);
    }

    private async Task AssertNothingWrittenAsync(int counter)
    {
        Assert.Equal(0, await CountAsync<Member>());
        Assert.Equal(0, await CountAsync<MemberTag>());
        Assert.Equal(0, await CountAsync<MemberEvent>());
        Assert.Equal(0, await CountAsync<GroupMembership>());
        Assert.DoesNotContain(await Tags.ListAsync(), g => g.IsAuto);
        Assert.Equal(counter, await LastIssuedAsync());
    }

    /// <summary>Progress reported on the importer's own thread (System.Progress would post it elsewhere, later).</summary>
    private sealed class Inline(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
