using System.Threading.Channels;
using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Sop.Tasks;

/// <summary>
/// Keeps tasks topped up: materialises everything at start and every RefreshMinutes, and
/// soon after a group or activity changes (a new group a rule matches — 复制上一期 included —, an archived group,
/// an owner or name changed) for those groups only.
/// </summary>
public sealed class SopMaterializerService(
    SopMaterializer materializer,
    DomainEventBus events,
    IOptions<SopOptions> options,
    TimeProvider clock,
    ILogger<SopMaterializerService> logger) : BackgroundService
{
    private readonly Channel<int?> _changed = System.Threading.Channels.Channel.CreateUnbounded<int?>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(OnEvent);
        await SafelyAsync(() => materializer.RunAsync(SopScope.All, stoppingToken));
        var refresh = TimeSpan.FromMinutes(options.Value.RefreshMinutes);
        var due = clock.GetUtcNow() + refresh;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var tick = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, timeout.Token);
            var read = _changed.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, read) == read && await read)
            {
                await timeout.CancelAsync();
                var groups = new HashSet<int>();
                var all = false;
                while (_changed.Reader.TryRead(out var group))
                {
                    all |= group is null;
                    if (group is { } id)
                    {
                        groups.Add(id);
                    }
                }
                await SafelyAsync(() => materializer.RunAsync(all ? SopScope.All : SopScope.ForGroups(groups), stoppingToken));
                continue;
            }
            await SafelyAsync(() => materializer.RunAsync(SopScope.All, stoppingToken));
            due = clock.GetUtcNow() + refresh;
        }
    }

    // A group id: look at that group again; null: an activity changed (its dates and name reach all its groups).
    private void OnEvent(IDomainEvent e)
    {
        switch (e)
        {
            case GroupCreated c:
                _changed.Writer.TryWrite(c.GroupId);
                break;
            case GroupUpdated u:
                _changed.Writer.TryWrite(u.GroupId);
                break;
            case GroupStatusChanged s:
                _changed.Writer.TryWrite(s.GroupId);
                break;
            case GroupMemberCountChanged m when m.OldCount == 0:
                _changed.Writer.TryWrite(m.GroupId);
                break;
            case ActivityChanged:
                _changed.Writer.TryWrite(null);
                break;
        }
    }

    private async Task SafelyAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next change or refresh tries again; tasks are never half-made (one transaction per run).
            logger.LogError(ex, "SOP materialisation failed");
        }
    }
}
