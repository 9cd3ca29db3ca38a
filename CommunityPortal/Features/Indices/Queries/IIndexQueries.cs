namespace CommunityPortal.Features.Indices.Queries;

/// <summary>
/// The indices, as pages, the wall, the hub and the API read them. Results are computed from the aggregator's state
/// (never the database) and shared: many dashboards asking the same question at the same version cost one computation.
/// Unknown ids in the filter throw <c>PortalValidationException</c> naming the field.
/// </summary>
public interface IIndexQueries
{
    Task<IReadOnlyList<DailyIndexRow>> DailyAsync(IndexFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<SignupIndexRow>> SignupsAsync(IndexFilter filter, CancellationToken ct = default);

    Task<RetentionIndex> RetentionAsync(int seriesId, CancellationToken ct = default);

    Task<IReadOnlyList<ChannelIndexRow>> ChannelsAsync(IndexFilter filter, CancellationToken ct = default);

    Task<HoursIndex> HoursAsync(IndexFilter filter, CancellationToken ct = default);

    Task<CycleIndex> CycleAsync(IndexFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<GroupIndexRow>> GroupsAsync(IndexFilter filter, CancellationToken ct = default);

    Task<LiveFigures> LiveAsync(CancellationToken ct = default);
}
