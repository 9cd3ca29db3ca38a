using System.Threading.Channels;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.LiveCodes;

/// <summary>Stores a scan durably; the task completes only once the scan is committed.</summary>
public interface IScanRecorder
{
    Task RecordAsync(Scan scan);
}

/// <summary>The scan queue was full: the portal is overloaded, the scan is refused rather than kept in memory.</summary>
public sealed class ScanQueueFullException() : Exception("The scan queue is full.");

/// <summary>
/// Group commit: scans from concurrent requests are queued and written by one loop, as many as are waiting in one
/// transaction. One fsync then serves a whole batch, which is what lets a durable write per scan keep up with the
/// page. Each request's task completes after its batch committed, or fails with the batch. The queue is bounded.
/// On shutdown the queue is closed and drained before the host stops.
/// </summary>
internal sealed class ScanWriter(IDbContextFactory<PortalDbContext> dbFactory, ILogger<ScanWriter> logger) : BackgroundService, IScanRecorder
{
    public const int QueueCapacity = 10_000;
    public const int MaxBatch = 1_000;

    private readonly System.Threading.Channels.Channel<Pending> _queue = System.Threading.Channels.Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Task RecordAsync(Scan scan)
    {
        var pending = new Pending(scan, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException(new ScanQueueFullException());
        }
        return pending.Done.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        // Not cancelled by the stopping token: the loop ends when the closed queue is empty, so nothing accepted is lost.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(batch.Select(p => p.Scan));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} scans could not be stored", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
            return;
        }
        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    private sealed record Pending(Scan Scan, TaskCompletionSource Done);
}
