namespace CommunityPortal.Tests.Support;

/// <summary>A fresh <see cref="PortalDatabase"/> per test, and what tests ask of it most.</summary>
public abstract class DatabaseTest : IAsyncLifetime
{
    protected PortalDatabase Database { get; } = new();

    /// <summary>Events published on the bus so far (a copy, safe to enumerate).</summary>
    protected IReadOnlyList<IDomainEvent> Published
    {
        get
        {
            lock (Database.PublishedEvents)
            {
                return [.. Database.PublishedEvents];
            }
        }
    }

    public virtual Task InitializeAsync() => Database.InitializeAsync();

    public virtual Task DisposeAsync() => Database.DisposeAsync();

    protected T Get<T>() where T : notnull => Database.Get<T>();

    protected void ForgetPublishedEvents()
    {
        lock (Database.PublishedEvents)
        {
            Database.PublishedEvents.Clear();
        }
    }

    protected Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class => Database.CountAsync(where);
}
