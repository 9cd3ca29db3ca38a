using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// Sign-ups reported by another system (POST /api/v1/events, type signedUp). Members receives the event; the sign-ups
/// feature writes its own row, in the caller's context and so inside the item's savepoint of the chunk's transaction.
/// </summary>
public interface IReportedSignups
{
    /// <summary>Adds the member's sign-up for the activity, dated <paramref name="at"/>; false when they had one already.</summary>
    Task<bool> AddAsync(PortalDbContext db, int activityId, int memberId, DateTime at, MemberActor actor, CancellationToken ct);
}

/// <summary>Members alone (no sign-ups registered): a reported sign-up is refused as an unknown activity; nothing is written.</summary>
internal sealed class NoReportedSignups(IStringLocalizer<EventsText> text, IStringLocalizer<ValidationText> validationText) : IReportedSignups
{
    public Task<bool> AddAsync(PortalDbContext db, int activityId, int memberId, DateTime at, MemberActor actor, CancellationToken ct)
    {
        var messages = new FeatureValidationText<EventsText>(validationText, text);
        throw new PortalValidationException(new Dictionary<string, string[]>
        {
            ["ActivityId"] = [messages["UnknownActivity", messages["Field.activityId"], activityId]],
        });
    }
}
