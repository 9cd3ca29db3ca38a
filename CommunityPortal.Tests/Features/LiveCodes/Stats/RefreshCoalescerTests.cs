using System.Diagnostics;
using CommunityPortal.Features.LiveCodes.Stats;

namespace CommunityPortal.Tests.Features.LiveCodes.Stats;

public sealed class RefreshCoalescerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ABurstWhileARunIsBusy_CausesExactlyOneMoreRun()
    {
        var runs = 0;
        var firstStarted = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var secondDone = new TaskCompletionSource();
        using var refresh = new RefreshCoalescer(TimeSpan.FromMilliseconds(20), async _ =>
        {
            var run = Interlocked.Increment(ref runs);
            if (run == 1)
            {
                firstStarted.SetResult();
                await release.Task;
            }
            else
            {
                secondDone.TrySetResult();
            }
        });

        refresh.Request();
        await firstStarted.Task.WaitAsync(Patience);
        for (var i = 0; i < 100; i++)
        {
            refresh.Request();
        }
        release.SetResult();
        await secondDone.Task.WaitAsync(Patience);
        await Task.Delay(200);

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task SteadyRequests_RunOneAtATime_AtLeastAnIntervalApart()
    {
        var interval = TimeSpan.FromMilliseconds(100);
        var runs = new List<(TimeSpan Start, TimeSpan End)>();
        var clock = Stopwatch.StartNew();
        using var refresh = new RefreshCoalescer(interval, async ct =>
        {
            var start = clock.Elapsed;
            await Task.Delay(10, ct);
            lock (runs)
            {
                runs.Add((start, clock.Elapsed));
            }
        });

        while (clock.Elapsed < TimeSpan.FromMilliseconds(600))
        {
            refresh.Request();
            await Task.Delay(5);
        }
        await Task.Delay(300);

        lock (runs)
        {
            Assert.InRange(runs.Count, 2, 8);
            for (var i = 1; i < runs.Count; i++)
            {
                Assert.True(runs[i].Start - runs[i - 1].End >= interval - TimeSpan.FromMilliseconds(15),
                    $"Run {i} started {(runs[i].Start - runs[i - 1].End).TotalMilliseconds} ms after the previous one ended");
            }
        }
    }

    [Fact]
    public async Task AfterDispose_RequestsDoNothing()
    {
        var runs = 0;
        var refresh = new RefreshCoalescer(TimeSpan.FromMilliseconds(10), _ =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        refresh.Dispose();
        refresh.Request();
        await Task.Delay(100);

        Assert.Equal(0, runs);
    }
}
