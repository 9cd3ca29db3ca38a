using CommunityPortal.Features.LiveCodes.Scanning;
using CommunityPortal.Features.Visitors;

namespace CommunityPortal.Features.LiveCodes;

/// <summary>
/// One request to /q/{slug}: an append-only fact, written in batches (ScanWriter) before the page is sent.
/// The Assigned rows are what routing counts against thresholds.
/// </summary>
public sealed class Scan
{
    public const int UserAgentMax = 256;
    /// <summary>A visitor cookie's stored key (its hash, <see cref="VisitorCookie.Hash"/>).</summary>
    public const int VisitorKeyLength = VisitorCookie.KeyLength;

    public long Id { get; set; }

    public int LiveCodeId { get; set; }

    public int? ChannelCodeId { get; set; }

    /// <summary>The group shown; null for a fallback, an expired or paused code, or a bot.</summary>
    public int? GroupId { get; set; }

    /// <summary>A hash of the visitor cookie, never the cookie itself.</summary>
    public string VisitorKey { get; set; } = "";

    /// <summary>
    /// The member behind the visitor, when known: the phone carried the sign-up page's member cookie, or the visitor
    /// signed up later (ScanMemberLinks). No foreign key: a scan batch must never fail on a member deleted meanwhile,
    /// and deleting a member clears it.
    /// </summary>
    public int? MemberId { get; set; }

    public ScanOutcome Outcome { get; set; }

    public ClientKind Client { get; set; }

    public string? UserAgent { get; set; }

    public DateTime At { get; set; }
}

public enum ScanOutcome
{
    /// <summary>A new person given a group: counts against its threshold.</summary>
    Assigned = 0,
    /// <summary>The same person within 24 h, shown the same group again; not counted twice.</summary>
    Repeat = 1,
    Fallback = 2,
    Expired = 3,
    Paused = 4,
    NotStarted = 5,
    /// <summary>A link-preview fetcher or crawler: never shown a group, never counted.</summary>
    Bot = 6,
}

/// <summary>The user agent's class, kept for stats without parsing the string again.</summary>
public enum ClientKind
{
    WeChatMobile = 0,
    WeChatDesktop = 1,
    OtherMobile = 2,
    OtherDesktop = 3,
    Bot = 4,
}
