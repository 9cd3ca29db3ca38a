using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Users.FirstRun;

/// <summary>
/// Process-wide facts about accounts: whether any user exists (cached once true: users are never deleted, so the
/// hot path does no query after setup) and a gate that serializes account changes whose rules span several users
/// (the first admin, the last unlocked admin).
/// </summary>
public sealed class UserAccountsState(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _hasUsers;

    public async ValueTask<bool> HasUsersAsync(CancellationToken ct = default)
    {
        if (_hasUsers)
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(ct))
        {
            _hasUsers = true;
        }
        return _hasUsers;
    }

    public void MarkHasUsers() => _hasUsers = true;

    /// <summary>Enters the gate; dispose the result to leave it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
