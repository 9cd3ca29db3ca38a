using System.Net;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Hub;
using CommunityPortal.Infrastructure.ApiKeys;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Indices.Hub;

public sealed class IndicesHubTests(IndicesSite site) : IClassFixture<IndicesSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A hub client over the test server: long polling, or WebSockets when asked; signed in by key or cookie.</summary>
    private HubConnection Client(string? key = null, string? cookie = null, bool webSockets = false) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(site.Server.BaseAddress, IndicesHubRegistration.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => site.Server.CreateHandler();
                o.Transports = webSockets ? HttpTransportType.WebSockets : HttpTransportType.LongPolling;
                if (key is not null)
                {
                    o.Headers[ApiKeyDefaults.HeaderName] = key;
                }
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
                if (webSockets)
                {
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        var client = site.Server.CreateWebSocketClient();
                        client.ConfigureRequest = request =>
                        {
                            if (key is not null)
                            {
                                request.Headers[ApiKeyDefaults.HeaderName] = key;
                            }
                        };
                        return await client.ConnectAsync(context.Uri, ct);
                    };
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>Connected, and known to the broadcaster (a hub call is answered only after the connection was added).</summary>
    private static async Task<(HubConnection Connection, ChannelReader<IndexDelta> Deltas)> ConnectAsync(HubConnection connection)
    {
        var deltas = Channel.CreateUnbounded<IndexDelta>();
        connection.On<IndexDelta>(nameof(IIndicesClient.IndexChanged), delta => deltas.Writer.TryWrite(delta));
        await connection.StartAsync();
        await connection.InvokeAsync<IndexDelta>(nameof(IndicesHub.Current));
        return (connection, deltas.Reader);
    }

    private async Task<string> KeyAsync(string role) => (await site.CreateKeyAsync($"hub-{role}-{Guid.NewGuid():N}"[..30], role)).Secret;

    [Fact]
    public async Task ApiKeyClient_OverWebSockets_ReceivesTheDelta_WhenTheIndicesChange()
    {
        site.Queries.Live = LiveSamples.Figures(newMembers: 7);
        await using var client = Client(await KeyAsync(Roles.Operator), webSockets: true);
        var (_, deltas) = await ConnectAsync(client);
        site.Queries.Live = LiveSamples.Figures(newMembers: 8, signups: 60);
        var day = LiveSamples.Today;

        var change = site.Changes.Raise(day, day.AddDays(-1));

        var delta = await deltas.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(change.Version, delta.Version);
        Assert.Equal([day.AddDays(-1), day], delta.Days);
        Assert.Equal((8, 60, day), (delta.Live.NewMembers, delta.Live.Signups, delta.Live.Today));
        Assert.Equal([IndexEventType.Scan, IndexEventType.SignedUp], delta.Live.Ticker.Select(t => t.Type));
        Assert.Equal("张*明", delta.Live.Ticker[1].MaskedName);
        Assert.Equal(["公众号文章", "线下海报"], delta.Live.TopChannels.Select(c => c.Name));
        Assert.Equal(9, delta.Live.ScansPerMinute[^1]);
    }

    [Fact]
    public async Task Current_SaysWhereTheIndicesStand()
    {
        site.Queries.Live = LiveSamples.Figures(newMembers: 21);
        await using var client = Client(await KeyAsync(Roles.Manager));
        await client.StartAsync();

        var current = await client.InvokeAsync<IndexDelta>(nameof(IndicesHub.Current));

        Assert.Equal(site.Changes.Version, current.Version);
        Assert.Empty(current.Days);
        Assert.Equal(21, current.Live.NewMembers);
    }

    [Fact]
    public async Task ManyClients_GetTheSameDelta_FromOneReadOfTheFigures()
    {
        await using var first = Client(await KeyAsync(Roles.Operator));
        await using var second = Client(await KeyAsync(Roles.Admin));
        var (_, firstDeltas) = await ConnectAsync(first);
        var (_, secondDeltas) = await ConnectAsync(second);
        var readsBefore = site.Queries.LiveReads;

        site.Changes.Raise(LiveSamples.Today);

        var one = await firstDeltas.ReadAsync().AsTask().WaitAsync(Patience);
        var other = await secondDeltas.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(one.Version, other.Version);
        Assert.Equal(readsBefore + 1, site.Queries.LiveReads);
    }

    [Fact]
    public async Task CookieSignedInManager_ReceivesDeltas()
    {
        await site.CreateUserAsync("hub-manager@example.cn", "Hub-secret-2026", Roles.Manager);
        var cookie = await CookieSignIn.SignInAsync(site, "hub-manager@example.cn", "Hub-secret-2026");
        await using var client = Client(cookie: cookie);
        var (_, deltas) = await ConnectAsync(client);

        var change = site.Changes.Raise(LiveSamples.Today);

        Assert.Equal(change.Version, (await deltas.ReadAsync().AsTask().WaitAsync(Patience)).Version);
    }

    [Fact]
    public async Task WithoutSignIn_TheConnectionIsRefused()
    {
        await using var client = Client();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task WithAnUnknownKey_TheConnectionIsRefused()
    {
        await using var client = Client(key: "cpk_not-a-key");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AViewersKey_IsRefused()
    {
        await using var client = Client(await KeyAsync(Roles.Viewer));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ARevokedKey_IsRefused()
    {
        var key = await site.CreateKeyAsync("hub-revoked", Roles.Operator);
        await site.RevokeKeyAsync(key.Key.Id);
        await using var client = Client(key.Secret);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
