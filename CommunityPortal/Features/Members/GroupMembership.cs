
namespace CommunityPortal.Features.Members;

/// <summary>
/// A member's stay in a group: joined, and left (null while still in it). Re-joining adds a new row, so the history
/// of joins and leaves stays. At most one open stay per member and group (a filtered unique index).
/// </summary>
public sealed class GroupMembership
{
    public long Id { get; set; }

    public int MemberId { get; set; }

    public int GroupId { get; set; }

    public DateTime JoinedAt { get; set; }

    public DateTime? LeftAt { get; set; }

    /// <summary>Where the join was recorded from.</summary>
    public MembershipSource Source { get; set; }
}

public enum MembershipSource
{
    Manual = 0,
    Csv = 1,
    Api = 2,
    SignUp = 3,
    Scan = 4,
}
