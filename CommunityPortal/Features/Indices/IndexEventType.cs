namespace CommunityPortal.Features.Indices;

/// <summary>What one entry of the operation event stream is (docs/indices.md defines how each counts).</summary>
public enum IndexEventType
{
    Scan = 0,
    MemberCreated = 1,
    Joined = 2,
    Left = 3,
    Active = 4,
    SignedUp = 5,
    CheckedIn = 6,
    Purchased = 7,
    ServiceRecord = 8,
    Blacklisted = 9,
    BlacklistLifted = 10,
    /// <summary>A scan linked to a member (the scan's own line carries the member in the export).</summary>
    ScanLinked = 11,
}
