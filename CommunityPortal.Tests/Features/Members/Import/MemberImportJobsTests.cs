using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>Imports in the background, one per user, found again by the user, cancellable.</summary>
public sealed class MemberImportJobsTests : ImportTestBase
{
    private const string UserId = "user-xiaowang";

    private MemberImportJobs? _jobs;

    private MemberImportJobs Jobs => _jobs ??= ActivatorUtilities.CreateInstance<MemberImportJobs>(Database.Services);

    [Fact]
    public async Task Start_RunsOffTheCallersThread_ReportsProgress_AndKeepsTheResultForTheUser()
    {
        var preview = await PreviewAsync(Rows(3000));
        var notified = 0;

        var job = StartInChinese(preview);
        using var subscription = job.Subscribe(() => Interlocked.Increment(ref notified));
        await job.Completion;

        Assert.Same(job, Jobs.Find(UserId));
        Assert.Equal((ImportJobState.Succeeded, 3000, 3000), (job.State, job.Done, job.Total));
        Assert.Equal(3000, job.Result!.Created);
        Assert.StartsWith("导入 ", job.Result.BatchTagName, StringComparison.Ordinal);
        Assert.True(notified >= 1);
        Assert.Equal(3000, await CountAsync<Member>());
        Assert.Null(Jobs.Find("someone-else"));
    }

    [Fact]
    public async Task Start_WhileTheUsersImportRuns_IsRefused_AndCancellingItWritesNothing()
    {
        var counter = await LastIssuedAsync();
        var preview = await PreviewAsync(Rows(30_000));
        var job = StartInChinese(preview);

        var refused = Assert.Throws<ConflictException>(() => StartInChinese(preview));
        job.Cancel();
        await job.Completion;

        Assert.Equal("你已有一个导入正在进行。", refused.Message);
        Assert.Equal(ImportJobState.Cancelled, job.State);
        Assert.Null(job.Result);
        Assert.Equal(0, await CountAsync<Member>());
        Assert.Equal(counter, await LastIssuedAsync());
    }

    [Fact]
    public async Task AFailedImport_KeepsTheReason_AndDismissLetsTheUserStartOver()
    {
        var preview = await PreviewAsync(Rows(10));
        await CreateMemberAsync("先来的", phone: Phone(3));

        var job = StartInChinese(preview);
        await job.Completion;
        Jobs.Dismiss(UserId);

        Assert.Equal(ImportJobState.Failed, job.State);
        Assert.Contains("重新上传", job.Error, StringComparison.Ordinal);
        Assert.Null(Jobs.Find(UserId));
    }

    [Fact]
    public async Task TheImportRunsInTheLanguageOfTheUserWhoStartedIt()
    {
        var preview = await PreviewAsync(Rows(2));

        ImportJob job;
        using (new CultureScope("en"))
        {
            job = Jobs.Start(UserId, preview, Xiaowang);
        }
        await job.Completion;

        Assert.StartsWith("Imported ", job.Result!.BatchTagName, StringComparison.Ordinal);
    }

    private ImportJob StartInChinese(ImportPreview preview)
    {
        using var zh = new CultureScope("zh-CN");
        return Jobs.Start(UserId, preview, Xiaowang);
    }

    private static string Phone(int i) => FormattableString.Invariant($"137{i:D8}");

    private static byte[] Rows(int count) => Utf8(["昵称,手机", .. Enumerable.Range(0, count).Select(i => $"会员{i},{Phone(i)}")]);
}
