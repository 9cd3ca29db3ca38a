using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Events;

/// <summary>An item whose fields are well-formed; who and what it names is checked against the database next.</summary>
internal sealed record ReadEvent(
    int Position,
    int Index,
    string ClientEventId,
    MemberEventType Type,
    DateTime At,
    int? MemberNo,
    string? UnionId,
    int? GroupId,
    int? ActivityId,
    decimal? Amount,
    string? Detail);

/// <summary>
/// Checks the fields of one events-API item without the database: the client event id, the type and what the type
/// needs, the time (ISO 8601; with an offset, or else portal local time; not ahead of the server's clock by more than
/// a few minutes), the member reference, amounts and currency. Fields a type does not use are ignored.
/// </summary>
internal sealed partial class EventItemReader(IStringLocalizer<ValidationText> messages)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const decimal MaxAmount = 10_000_000m;
    public const string Currency = "CNY";

    public static readonly IReadOnlyDictionary<string, MemberEventType> Types = new Dictionary<string, MemberEventType>(StringComparer.OrdinalIgnoreCase)
    {
        ["joinedGroup"] = MemberEventType.JoinedGroup,
        ["leftGroup"] = MemberEventType.LeftGroup,
        ["active"] = MemberEventType.Active,
        ["signedUp"] = MemberEventType.SignedUp,
        ["purchased"] = MemberEventType.Purchased,
    };

    /// <summary>Active subtypes as written on the wire, and as stored in MemberEvent.Detail.</summary>
    public static readonly IReadOnlyDictionary<string, string> Subtypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["message"] = "message",
        ["checkIn"] = "checkin",
        ["visit"] = "visit",
    };

    public (ReadEvent? Event, IReadOnlyList<EventFieldError> Errors) Read(int position, EventInput input, DateTime now)
    {
        var errors = new ItemErrors(messages);
        var clientEventId = input.ClientEventId;
        if (string.IsNullOrWhiteSpace(clientEventId))
        {
            errors.Add("clientEventId", "Required");
        }
        else if (clientEventId.Length > MemberEvent.ClientEventIdMax)
        {
            errors.Add("clientEventId", "MaxLength", MemberEvent.ClientEventIdMax);
        }

        MemberEventType? type = null;
        if (Text.Clean(input.Type) is not { } typeName)
        {
            errors.Add("type", "Required");
        }
        else if (Types.TryGetValue(typeName, out var known))
        {
            type = known;
        }
        else
        {
            errors.Add("type", "OneOf", string.Join(", ", Types.Keys));
        }

        var at = ReadTime(input.At, now, errors);

        var unionId = Text.Clean(input.UnionId);
        if (input.MemberNo is null == unionId is null)
        {
            errors.Add("member", "MemberKey");
        }
        else if (input.MemberNo is < 1)
        {
            errors.Add("member.memberNo", "Invalid");
        }
        else if (unionId is not null && !MemberRules.IsUnionId(unionId))
        {
            errors.Add("member.unionId", "UnionIdFormat", MemberRules.UnionIdMin, MemberRules.UnionIdMax);
        }

        string? detail = null;
        switch (type)
        {
            case MemberEventType.JoinedGroup or MemberEventType.LeftGroup when input.GroupId is null:
                errors.Add("groupId", "Required");
                break;
            case MemberEventType.SignedUp when input.ActivityId is null:
                errors.Add("activityId", "Required");
                break;
            case MemberEventType.Active:
                if (Text.Clean(input.Subtype) is not { } subtype)
                {
                    errors.Add("subtype", "Required");
                }
                else if (!Subtypes.TryGetValue(subtype, out detail))
                {
                    errors.Add("subtype", "OneOf", string.Join(", ", Subtypes.Keys));
                }
                break;
            case MemberEventType.Purchased:
                if (input.Amount is not { } amount)
                {
                    errors.Add("amount", "Required");
                }
                else if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
                {
                    errors.Add("amount", "AmountRange", MaxAmount.ToString("N0", CultureInfo.CurrentCulture));
                }
                if (Text.Clean(input.Currency) is { } currency && !string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add("currency", "CurrencyCny");
                }
                detail = Currency;
                break;
        }
        if (errors.Any || type is null || at is null)
        {
            return (null, errors.List);
        }
        var usesGroup = type is MemberEventType.JoinedGroup or MemberEventType.LeftGroup or MemberEventType.Active or MemberEventType.Purchased;
        var usesActivity = type is MemberEventType.SignedUp or MemberEventType.Active or MemberEventType.Purchased;
        return (new ReadEvent(position, input.Index, clientEventId!, type.Value, at.Value, input.MemberNo, unionId,
            usesGroup ? input.GroupId : null, usesActivity ? input.ActivityId : null,
            type == MemberEventType.Purchased ? input.Amount : null, detail), []);
    }

    private static DateTime? ReadTime(string? value, DateTime now, ItemErrors errors)
    {
        if (Text.Clean(value) is not { } text)
        {
            errors.Add("at", "Required");
            return null;
        }
        if (IsoTime().Match(text) is not { Success: true } match)
        {
            errors.Add("at", "TimeFormat");
            return null;
        }
        DateTime utc;
        if (match.Groups["offset"].Success)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                errors.Add("at", "TimeFormat");
                return null;
            }
            utc = withOffset.UtcDateTime;
        }
        else
        {
            // No offset: the portal's wall-clock time (Portal:TimeZone), as people in the team would read it.
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                errors.Add("at", "TimeFormat");
                return null;
            }
            utc = PortalTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        }
        if (utc > now + ClockSkew)
        {
            errors.Add("at", "TooFarAhead", (int)ClockSkew.TotalMinutes);
            return null;
        }
        return utc;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:?\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoTime();
}

/// <summary>One item's field errors, labelled and worded in the request's language ("Field.{field}" labels).</summary>
internal sealed class ItemErrors(IStringLocalizer<ValidationText> messages)
{
    private readonly List<EventFieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<EventFieldError> List => _errors;

    public void Add(string field, string key, params object[] args) =>
        _errors.Add(new EventFieldError(field, messages[key, [messages["Field." + field], .. args]]));
}
