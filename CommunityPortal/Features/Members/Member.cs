using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Members;

/// <summary>
/// 会员: one person who entered the system. <see cref="MemberNo"/> (学号) is given in order from 10001 and never reused
/// (docs/adr/013-member-numbers.md); the WeChat UnionID maps one-to-one when known.
/// </summary>
public sealed class Member : Entity
{
    public const int FirstMemberNo = 10001;
    public const int NicknameMax = 64;
    public const int RemarkNameMax = 64;
    public const int RegionMax = 64;
    public const int BlacklistReasonMax = 200;

    public int MemberNo { get; set; }

    /// <summary>WeChat UnionID, unique when present (<see cref="MemberRules.IsUnionId"/>).</summary>
    public string? UnionId { get; set; }

    /// <summary>WeChat nickname (昵称).</summary>
    public string Nickname { get; set; } = "";

    /// <summary>备注名: the name the team gave the person.</summary>
    public string? RemarkName { get; set; }

    /// <summary>Mainland mobile number, normalised to 11 digits (<see cref="MemberRules.NormalizePhone"/>); unique when present.</summary>
    public string? Phone { get; set; }

    public Gender Gender { get; set; }

    public string? Region { get; set; }

    /// <summary>The channel of the scan or sign-up that brought the person in (Features/LiveCodes).</summary>
    public int? FirstChannelId { get; set; }

    /// <summary>成长等级: S direct need, A active, C every newcomer.</summary>
    public GrowthLevel GrowthLevel { get; set; } = GrowthLevel.C;

    public MemberStatus Status { get; set; }

    public string? BlacklistReason { get; set; }

    /// <summary>Who blacklisted: a user id or "apikey:N" (<see cref="MemberActor.Id"/>), with the name as it was then.</summary>
    public string? BlacklistedById { get; set; }

    public string? BlacklistedByName { get; set; }

    public DateTime? BlacklistedAt { get; set; }

    /// <summary>Who created the member (an operator, an API key, or null for the public sign-up page), as a snapshot.</summary>
    public string? CreatedById { get; set; }

    public string? CreatedByName { get; set; }

    public bool IsBlacklisted => Status == MemberStatus.Blacklisted;
}

public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

/// <summary>成长标签 (seeds/003): S has a direct need, A is active, C is every newcomer.</summary>
public enum GrowthLevel
{
    S = 0,
    A = 1,
    C = 2,
}

public enum MemberStatus
{
    Active = 0,
    /// <summary>黑名单: refused at sign-up, shown in red everywhere.</summary>
    Blacklisted = 1,
}
