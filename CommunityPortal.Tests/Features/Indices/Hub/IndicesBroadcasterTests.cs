using CommunityPortal.Features.Indices.Hub;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPortal.Tests.Features.Indices.Hub;

public sealed class IndicesBroadcasterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeIndexQueries _queries = new();
    private readonly FakeIndexChanges _changes = new();
    private readonly RecordingHub _hub = new();
    private readonly IndicesBroadcaster _broadcaster;

    public IndicesBroadcasterTests() =>
        _broadcaster = new IndicesBroadcaster(_changes, _queries, _hub, NullLogger<IndicesBroadcaster>.Instance, TimeProvider.System);

    public void Dispose() => _broadcaster.Dispose();

    [Fact]
    public void BeforeTheFirstConnection_NothingListens()
    {
        _changes.Raise(LiveSamples.Today);

        Assert.Equal(0, _changes.Listeners);
        Assert.Equal(0, _queries.LiveReads);
    }

    [Fact]
    public async Task ChangesDuringARead_BecomeOneMoreDelta_WithAllTheirDays()
    {
        _broadcaster.Add("c1");
        _queries.Hold();
        var first = _changes.Raise(new DateOnly(2026, 12, 3));
        await _queries.ReadStarted.WaitAsync(Patience);

        _changes.Raise(new DateOnly(2026, 12, 1));
        _changes.Raise(new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3));
        var last = _changes.Raise(new DateOnly(2026, 11, 30));
        _queries.Release();

        var sent = await _hub.WaitForAsync(2);
        Assert.Equal(first.Version, sent[0].Delta.Version);
        Assert.Equal([new DateOnly(2026, 12, 3)], sent[0].Delta.Days);
        Assert.Equal(last.Version, sent[1].Delta.Version);
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)],
            sent[1].Delta.Days);
        Assert.Equal(2, _queries.LiveReads);
        Assert.Equal(2, _hub.Sent.Count);
    }

    [Fact]
    public async Task ADelta_GoesToThisInstancesConnections_InOneSend()
    {
        _broadcaster.Add("c1");
        _broadcaster.Add("c2");
        _broadcaster.Add("c3");
        _broadcaster.Remove("c2");

        _changes.Raise(LiveSamples.Today);

        var sent = Assert.Single(await _hub.WaitForAsync(1));
        Assert.Equal(["c1", "c3"], sent.Connections.Order());
        Assert.Equal(1, _queries.LiveReads);
    }

    [Fact]
    public async Task WhenEveryoneHasLeft_ChangesReadNothing()
    {
        _broadcaster.Add("c1");
        _changes.Raise(LiveSamples.Today);
        await _hub.WaitForAsync(1);
        _broadcaster.Remove("c1");

        _changes.Raise(LiveSamples.Today);
        _broadcaster.Add("c2");
        _changes.Raise(LiveSamples.Today);

        // The third change is sent; the second, with nobody connected, was not even read.
        var sent = await _hub.WaitForAsync(2);
        Assert.Equal(["c2"], sent[1].Connections);
        Assert.Equal(2, _queries.LiveReads);
    }

    /// <summary>The hub context as the broadcaster uses it: records each send and to whom.</summary>
    private sealed class RecordingHub : IHubContext<IndicesHub, IIndicesClient>
    {
        private readonly Lock _gate = new();
        private readonly List<(IReadOnlyList<string> Connections, IndexDelta Delta)> _sent = [];

        public RecordingHub() => Clients = new RecordingClients(this);

        public IHubClients<IIndicesClient> Clients { get; }

        public IGroupManager Groups => throw new NotSupportedException();

        public IReadOnlyList<(IReadOnlyList<string> Connections, IndexDelta Delta)> Sent
        {
            get
            {
                lock (_gate)
                {
                    return [.. _sent];
                }
            }
        }

        public async Task<IReadOnlyList<(IReadOnlyList<string> Connections, IndexDelta Delta)>> WaitForAsync(int count)
        {
            var until = DateTime.UtcNow + Patience;
            while (Sent.Count < count && DateTime.UtcNow < until)
            {
                await Task.Delay(10);
            }
            Assert.True(Sent.Count >= count, $"{Sent.Count} deltas sent, expected {count}");
            return Sent;
        }

        private void Record(IReadOnlyList<string> connections, IndexDelta delta)
        {
            lock (_gate)
            {
                _sent.Add((connections, delta));
            }
        }

        private sealed class RecordingClients(RecordingHub hub) : IHubClients<IIndicesClient>
        {
            public IIndicesClient Clients(IReadOnlyList<string> connectionIds) => new Recorder(hub, connectionIds);

            public IIndicesClient All => throw new NotSupportedException("Deltas go to this instance's connections only.");

            public IIndicesClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IIndicesClient Client(string connectionId) => throw new NotSupportedException();

            public IIndicesClient Group(string groupName) => throw new NotSupportedException();

            public IIndicesClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IIndicesClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

            public IIndicesClient User(string userId) => throw new NotSupportedException();

            public IIndicesClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private sealed class Recorder(RecordingHub hub, IReadOnlyList<string> connections) : IIndicesClient
        {
            public Task IndexChanged(IndexDelta delta)
            {
                hub.Record(connections, delta);
                return Task.CompletedTask;
            }
        }
    }
}
