
namespace CommunityPortal.Features.Matrix;

/// <summary>群分层: 福利/C群, 核心/会员, 流通/学院 (seeds/001).</summary>
public enum GroupTier
{
    Welfare = 0,
    Core = 1,
    Circulation = 2,
}

/// <summary>临时群 (about a week, for one activity) or 长期群 (30 days and more) (seeds/004).</summary>
public enum GroupLifetime
{
    Temporary = 0,
    LongTerm = 1,
}

public enum GroupStatus
{
    Planned = 0,
    Open = 1,
    Full = 2,
    Archived = 3,
}

public enum ActivityStatus
{
    Planned = 0,
    Running = 1,
    Ended = 2,
    Archived = 3,
}
