using System.Net;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CommunityPortal.Features.Indices.Hub;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.Http.Connections;
using CommunityPortal.Tests.Infrastructure.Api;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Hub;

/// <summary>Issue 11 point 7 with the real aggregator: a .NET SignalR client gets the delta of events posted through the API.</summary>
public sealed class IndicesHubLiveTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _path = IndexSite.NewDatabasePath();
    private IndexSite _site = default!;

    public async Task InitializeAsync()
    {
        _site = new IndexSite(_path);
        await _site.InitializeAsync();
        await _site.CaughtUpAsync();
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        IndexSite.DeleteDatabase(_path);
    }

    [Fact]
    public async Task AClient_ReceivesTheDelta_OfAMemberAndAnActivityEventPostedThroughTheApi()
    {
        var key = (await _site.CreateKeyAsync("hub-live", Roles.Operator)).Secret;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_site.Server.BaseAddress, IndicesHubRegistration.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => _site.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers[ApiKeyDefaults.HeaderName] = key;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var deltas = Channel.CreateUnbounded<IndexDelta>();
        connection.On<IndexDelta>(nameof(IIndicesClient.IndexChanged), delta => deltas.Writer.TryWrite(delta));
        await connection.StartAsync();
        var before = await connection.InvokeAsync<IndexDelta>(nameof(IndicesHub.Current));
        var client = _site.ClientAs(Roles.Operator);

        var member = await (await client.PostJsonAsync("/api/v1/members", new { nickname = "王小明" })).ReadAsync<MemberResponse>(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/v1/events", new
        {
            events = new[] { new { clientEventId = "hub-1", type = "active", subtype = "message", at = DateTime.UtcNow, member = new { memberNo = member.MemberNo } } },
        })).ReadAsync<object>();

        // Deltas come as the aggregator applies batches; read them until one shows both facts (or give up after a while).
        IndexDelta delta;
        do
        {
            delta = await deltas.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        }
        while (delta.Live.ActiveMembers < before.Live.ActiveMembers + 1 || delta.Live.NewMembers < before.Live.NewMembers + 1);
        Assert.True(delta.Version > before.Version);
        Assert.Equal((before.Live.NewMembers + 1, before.Live.ActiveMembers + 1), (delta.Live.NewMembers, delta.Live.ActiveMembers));
    }
}
