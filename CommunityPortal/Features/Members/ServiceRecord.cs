using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.Members;

/// <summary>
/// 服务记录: a colleague's note on a member (what was asked, done, promised). An edit replaces the text and keeps the
/// earlier one as a <see cref="ServiceRecordRevision"/>, so nobody's words disappear.
/// </summary>
public sealed class ServiceRecord : Entity
{
    public const int TextMax = 2000;

    public int MemberId { get; set; }

    public ServiceRecordKind Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Who wrote the record first (user id or "apikey:N") and their name then; the time is CreatedAt.</summary>
    public string? AuthorId { get; set; }

    public string? AuthorName { get; set; }

    /// <summary>The latest edit, when there was one.</summary>
    public string? EditedById { get; set; }

    public string? EditedByName { get; set; }

    public DateTime? EditedAt { get; set; }

    public List<ServiceRecordRevision> Revisions { get; set; } = [];
}

/// <summary>An earlier text of a service record, as written by <see cref="WrittenByName"/> at <see cref="WrittenAt"/>; replaced at <see cref="ReplacedAt"/>.</summary>
public sealed class ServiceRecordRevision
{
    public long Id { get; set; }

    public int ServiceRecordId { get; set; }

    public ServiceRecordKind Kind { get; set; }

    public string Text { get; set; } = "";

    public string? WrittenById { get; set; }

    public string? WrittenByName { get; set; }

    public DateTime WrittenAt { get; set; }

    public DateTime ReplacedAt { get; set; }
}

public enum ServiceRecordKind
{
    /// <summary>咨询</summary>
    Consultation = 0,
    /// <summary>投诉</summary>
    Complaint = 1,
    /// <summary>回访</summary>
    FollowUp = 2,
    Other = 3,
}
