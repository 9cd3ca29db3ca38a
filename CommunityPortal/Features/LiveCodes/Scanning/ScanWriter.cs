using System.Threading.Channels;
using CommunityPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.LiveCodes.Scanning;

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
internal sealed class ScanWriter(IDbContextFactory<PortalDbContext> dbFactory, ScanFeed feed, ILogger<ScanWriter> logger) : BackgroundService, IScanRecorder
{
    public const int QueueCapacity = 10_000;
    public const int MaxBatch = 1_000;

    private readonly System.Threading.Channels.Channel<Pending> _queue = System.Threading.Channels.Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private SqliteCommand? _insert;

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
            await WriteBatchAsync(batch);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} scans could not be stored", batch.Count);
            // Start over with a fresh connection: the failure may have been the connection itself.
            ResetConnection();
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(ex);
                return;
            }
            // One bad row (say, a pool group deleted a moment ago) must not fail a thousand people: try each alone.
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
            return;
        }
        // Listeners first: once a scan's page is sent, everything listening in-process (the indices) has been told.
        feed.Publish([.. batch.Select(p => p.Scan)]);
        foreach (var pending in batch)
        {
            pending.Done.TrySetResult();
        }
    }

    /// <summary>
    /// One open connection and one prepared INSERT for the writer's lifetime: the hot loop does no EF change tracking
    /// and no SQL building. Values are bound in the formats EF uses for this table (enums as names, DateTime as
    /// SQLite text), so EF reads these rows like its own.
    /// </summary>
    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var insert = await InsertCommandAsync();
        using var transaction = insert.Connection!.BeginTransaction();
        insert.Transaction = transaction;
        foreach (var pending in batch)
        {
            var scan = pending.Scan;
            insert.Parameters[0].Value = scan.LiveCodeId;
            insert.Parameters[1].Value = (object?)scan.ChannelCodeId ?? DBNull.Value;
            insert.Parameters[2].Value = (object?)scan.GroupId ?? DBNull.Value;
            insert.Parameters[3].Value = scan.VisitorKey;
            insert.Parameters[4].Value = scan.Outcome.ToString();
            insert.Parameters[5].Value = scan.Client.ToString();
            insert.Parameters[6].Value = (object?)scan.UserAgent ?? DBNull.Value;
            insert.Parameters[7].Value = scan.At;
            insert.Parameters[8].Value = (object?)scan.MemberId ?? DBNull.Value;
            // The stream names a scan by its id (the indices read scans in id order).
            scan.Id = (long)insert.ExecuteScalar()!;
        }
        transaction.Commit();
    }

    private async Task<SqliteCommand> InsertCommandAsync()
    {
        if (_insert is not null)
        {
            return _insert;
        }
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Durable on return: the commit is on disk, not only in the OS cache, before any page is sent.
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
            pragma.ExecuteNonQuery();
        }
        var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO \"Scans\" (\"LiveCodeId\", \"ChannelCodeId\", \"GroupId\", \"VisitorKey\", \"Outcome\", \"Client\", \"UserAgent\", \"At\", \"MemberId\") "
            + "VALUES ($l, $c, $g, $v, $o, $k, $u, $a, $m) RETURNING \"Id\"";
        foreach (var name in new[] { "$l", "$c", "$g", "$v", "$o", "$k", "$u", "$a", "$m" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        insert.Prepare();
        return _insert = insert;
    }

    private void ResetConnection()
    {
        var connection = _insert?.Connection;
        _insert?.Dispose();
        connection?.Dispose();
        _insert = null;
    }

    public override void Dispose()
    {
        ResetConnection();
        base.Dispose();
    }

    private sealed record Pending(Scan Scan, TaskCompletionSource Done);
}
