using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Signups;

/// <summary>
/// 报名: one member signed up for one activity (once: the pair is unique). Name and phone are kept as the person gave
/// them on the form; answers as JSON with their questions' labels. Check-in (到场) and completion (完成) are marked by
/// operators, with who and when.
/// </summary>
public sealed class ActivitySignup : Entity
{
    public const int NameMax = 64;

    public int ActivityId { get; set; }

    public int MemberId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Normalised to 11 digits (MemberRules.NormalizePhone), or null when not asked or not given.</summary>
    public string? Phone { get; set; }

    /// <summary>JSON list of <see cref="SignupAnswer"/>.</summary>
    public string Answers { get; set; } = "[]";

    /// <summary>The channel code key passed on from a live code URL (?c=), when there was one.</summary>
    public string? ChannelKey { get; set; }

    public int? ChannelId { get; set; }

    /// <summary>Who entered it: an operator or an API key; null for the public page.</summary>
    public string? CreatedById { get; set; }

    public string? CreatedByName { get; set; }

    public DateTime? CheckedInAt { get; set; }

    public string? CheckedInById { get; set; }

    public string? CheckedInByName { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? CompletedById { get; set; }

    public string? CompletedByName { get; set; }
}

/// <summary>Published after the commit: the live indices count sign-ups per activity.</summary>
public sealed record ActivitySignedUp(int SignupId, int ActivityId, int MemberId, bool NewMember, DateTime At) : IDomainEvent;
