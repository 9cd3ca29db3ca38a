using CommunityPortal.Data;

namespace CommunityPortal.Features.Members.Timeline;

/// <summary>
/// Facts about a member that another feature keeps (activity sign-ups: signed up, checked in, completed), for the
/// member's timeline. Each source reads in the timeline's context, newest first, through its (MemberId, time) indexes.
/// </summary>
public interface IMemberTimelineSource
{
    /// <summary>How many entries the member has from this source.</summary>
    Task<int> CountAsync(PortalDbContext db, int memberId, CancellationToken ct);

    /// <summary>The member's newest <paramref name="window"/> entries of each kind this source gives (the timeline merges them).</summary>
    Task<IReadOnlyList<TimelineEntry>> NewestAsync(PortalDbContext db, int memberId, int window, CancellationToken ct);
}
