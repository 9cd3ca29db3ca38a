using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Features.Members.Events;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// POST /api/v1/events: a batch of member facts from other systems. The body is read here rather than bound, so that an
/// item with a value of the wrong type (an amount as "abc") is reported for that item while the others are applied.
/// </summary>
public static partial class EventsApi
{
    public const string Description = """
        Up to 1,000 events per request: { "events": [ … ] }. Each event: clientEventId (required, at most 64 characters, unique
        per API key: re-sending an event is harmless, it is reported as duplicate and nothing is written twice); type, one of
        joinedGroup, leftGroup (both need groupId), active (subtype message, checkIn or visit; groupId and activityId optional),
        signedUp (activityId; refused for blacklisted members) and purchased (amount in yuan, > 0, two decimals at most;
        currency CNY, the default); at (ISO 8601; with Z or an offset an instant, without one the portal's wall-clock time;
        at most 5 minutes ahead of the server's clock); member: { "memberNo": 10001 } or { "unionId": "o…" }.
        Events are applied in time order (at, then position). The answer lists every event's outcome by index: created,
        unchanged (accepted but nothing to change: already in the group, not in it, already signed up), duplicate, or error
        with the fields at fault; the valid events of a batch are kept when others have errors. Messages follow Accept-Language.
        """;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/events", Post).WithTags("Events").RequireAuthorization(Policies.Edit)
            .Accepts<EventBatchRequest>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Record a batch of member events (joins, leaves, activity, sign-ups, purchases).")
            .WithDescription(Description);
        return v1;
    }

    public static async Task<Results<Ok<EventBatchResponse>, ProblemHttpResult>> Post(
        HttpRequest request, MemberEventIngestService events, ClaimsPrincipal user, IOptions<JsonOptions> json,
        IStringLocalizer<ApiText> api, IStringLocalizer<EventsText> text, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(api["JsonContentTypeRequired"], request.Path, StatusCodes.Status415UnsupportedMediaType, api["UnsupportedMediaTypeTitle"]);
        }
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(api["InvalidJson"], request.Path, StatusCodes.Status400BadRequest, api["BadRequestTitle"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(text["EventsRequired"]);
            }
            var count = list.GetArrayLength();
            if (count == 0)
            {
                throw Invalid(text["EventsRequired"]);
            }
            if (count > MemberEventIngestService.MaxBatch)
            {
                throw Invalid(text["EventsTooMany", MemberEventIngestService.MaxBatch.ToString("N0"), count.ToString("N0")]);
            }
            var inputs = new List<EventInput>(count);
            var unreadable = new Dictionary<int, EventFieldError>();
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var (input, error) = Read(element, index, json.Value.SerializerOptions, text);
                if (input is not null)
                {
                    inputs.Add(input);
                }
                else
                {
                    unreadable[index] = error!;
                }
                index++;
            }
            var applied = await events.ApplyAsync(inputs, MemberActor.From(user), ct);
            var results = applied.Items.ToDictionary(r => r.Index);
            var items = Enumerable.Range(0, count)
                .Select(i => results.TryGetValue(i, out var result)
                    ? result
                    : new EventItemResult(i, ClientEventIdOf(list[i]), EventOutcome.Error, null, [unreadable[i]]))
                .ToList();
            return TypedResults.Ok(EventBatchResponse.From(items));
        }
    }

    /// <summary>The item, or why it cannot be read: not an object, or a value of the wrong type (named by its JSON path).</summary>
    private static (EventInput? Input, EventFieldError? Error) Read(JsonElement element, int index, JsonSerializerOptions options,
        IStringLocalizer<EventsText> text)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, new EventFieldError(null, text["EventNotAnObject"]));
        }
        try
        {
            return (element.Deserialize<EventItemRequest>(options)!.ToInput(index), null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return (null, new EventFieldError(field, text["FieldWrongType", field ?? "?"]));
        }
    }

    private static string? ClientEventIdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("clientEventId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>"$.amount" → "amount", "$.member.memberNo" → "member.memberNo".</summary>
    private static string? FieldOf(string? path) =>
        path is not null && JsonPath().Match(path) is { Success: true } match
            ? string.Join('.', match.Groups["name"].Captures.Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.Value)))
            : null;

    private static PortalValidationException Invalid(string message) => new(new Dictionary<string, string[]> { ["events"] = [message] });

    [GeneratedRegex(@"^\$(?:\.(?<name>[A-Za-z_][A-Za-z0-9_]*))+")]
    private static partial Regex JsonPath();
}
