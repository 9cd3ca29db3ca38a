using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class LatestOnlyTests
{
    [Fact]
    public async Task AnOlderLoad_FinishingLast_DoesNotReplaceTheNewerResult()
    {
        var loads = new LatestOnly<string>();
        var shown = "";
        var first = new TaskCompletionSource<string>();
        var second = new TaskCompletionSource<string>();

        var firstRun = loads.RunAsync(() => first.Task, tree => shown = tree);
        var secondRun = loads.RunAsync(() => second.Task, tree => shown = tree);
        second.SetResult("tree with the new group");
        Assert.True(await secondRun);
        first.SetResult("tree read before the save");

        Assert.False(await firstRun);
        Assert.Equal("tree with the new group", shown);
    }

    [Fact]
    public async Task LoadsOneAfterTheOther_EachApply()
    {
        var loads = new LatestOnly<int>();
        var shown = 0;

        Assert.True(await loads.RunAsync(() => Task.FromResult(1), n => shown = n));
        Assert.True(await loads.RunAsync(() => Task.FromResult(2), n => shown = n));

        Assert.Equal(2, shown);
    }
}
