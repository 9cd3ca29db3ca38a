using System.Data.Common;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Support;

/// <summary>
/// Stages races deterministically: the first command whose SQL contains <paramref name="sqlFragment"/> waits while
/// "another user" acts on their own connection (up to <see cref="Patience"/>, after which the first command goes on, so
/// a service that holds a write lock is not deadlocked by the test). <see cref="Other"/> is that user's work.
/// </summary>
public sealed class Meanwhile(string sqlFragment, Func<Task> otherUser) : DbCommandInterceptor
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private int _fired;

    public Task Other { get; private set; } = Task.CompletedTask;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await LetTheOtherUserActAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await LetTheOtherUserActAsync(command);
        return result;
    }

    private async Task LetTheOtherUserActAsync(DbCommand command)
    {
        if (command.CommandText.Contains(sqlFragment, StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            Other = Task.Run(otherUser);
            await Task.WhenAny(Other, Task.Delay(Patience));
        }
    }
}

/// <summary>Contexts over the test database with extra interceptors, publishing to the same bus as the app's.</summary>
public sealed class InterceptedDbContextFactory(PortalDatabase database, params IInterceptor[] interceptors) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        DatabaseRegistration.Configure(options, database.ConnectionString + ";Default Timeout=30").AddInterceptors(interceptors);
        return new SqlitePortalDbContext(options.Options, database.Get<IDomainEventPublisher>());
    }

    /// <summary>A service (ThemeService, GroupService …) whose every command goes through the interceptors.</summary>
    public T Service<T>() => ActivatorUtilities.CreateInstance<T>(database.Services, this);
}
