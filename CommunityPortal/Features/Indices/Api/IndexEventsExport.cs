using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using CommunityPortal.Data;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Features.Indices.Stream;
using CommunityPortal.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Indices.Api;

/// <summary>
/// GET /api/v1/indices/events?from&amp;to: the operation event stream as NDJSON, in time order, streamed as it is read,
/// so anyone can recompute the indices (docs/indices.md says how).
/// </summary>
public static class IndexEventsExport
{
    public const string ContentType = "application/x-ndjson";

    public static void MapIndexEventsExport(this RouteGroupBuilder indices) =>
        indices.MapGet("/events", ExportAsync)
            .WithSummary("The event stream as NDJSON: one JSON object a line (type, at, id, memberId, groupId, activityId, liveCodeId, channelId, channelKey, visitor, outcome, amount), in time order.")
            .Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesValidationProblem();

    public static async Task ExportAsync(
        [Description("First day (portal time zone), YYYY-MM-DD.")] DateOnly? from,
        [Description("Last day (portal time zone, included), YYYY-MM-DD.")] DateOnly? to,
        IndexEventsRange range, IndexStreamReader reader, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, HttpContext http)
    {
        var ct = http.RequestAborted;
        var filter = IndicesApi.Filter(from, to, null, null, null, null, clock);
        range.Validate(filter);
        IndexLookups lookups;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            lookups = await IndexLookups.LoadAsync(db, ct);
        }
        var utc = new StreamRange(PortalTime.ToUtc(filter.From.ToDateTime(TimeOnly.MinValue)), PortalTime.ToUtc(filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        http.Response.ContentType = ContentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        await foreach (var e in StreamMerge.MergeAsync(reader.Sources(utc), ct))
        {
            Write(json, e, lookups);
            json.Flush();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= 1 << 15)
            {
                await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
                buffer.ResetWrittenCount();
            }
        }
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }

    private static void Write(Utf8JsonWriter json, StreamEvent e, IndexLookups lookups)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString("type", JsonNamingPolicy.CamelCase.ConvertName(e.Type.ToString()));
        json.WriteString("at", DateTime.SpecifyKind(e.At, DateTimeKind.Utc));
        json.WriteNumber("id", e.Id);
        Number(json, "memberId", e.MemberId);
        Number(json, "groupId", e.GroupId);
        var activity = e.ActivityId ?? (e.GroupId is { } g && lookups.Groups.TryGetValue(g, out var group) && group.ActivityId != 0 ? group.ActivityId : null);
        Number(json, "activityId", activity);
        Number(json, "liveCodeId", e.LiveCodeId);
        Number(json, "channelId", e.ChannelId);
        if (e.ChannelKey is not null)
        {
            json.WriteString("channelKey", e.ChannelKey);
        }
        if (e.Visitor is not null)
        {
            json.WriteString("visitor", e.Visitor);
        }
        if (e.Outcome is { } outcome)
        {
            json.WriteString("outcome", JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()));
        }
        if (e.Amount is { } amount)
        {
            json.WriteNumber("amount", amount);
        }
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}

/// <summary>The export's range check (the range alone: the export reads the database, not the aggregator).</summary>
public sealed class IndexEventsRange(Microsoft.Extensions.Localization.IStringLocalizer<ValidationText> shared,
    Microsoft.Extensions.Localization.IStringLocalizer<IndicesText> text)
{
    public void Validate(IndexFilter filter)
    {
        var errors = new ValidationErrors(new FeatureValidationText<IndicesText>(shared, text));
        filter.CheckRange(errors);
        errors.ThrowIfAny();
    }
}
