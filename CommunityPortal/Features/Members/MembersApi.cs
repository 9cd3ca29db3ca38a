using System.Security.Claims;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.Events;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Timeline;
namespace CommunityPortal.Features.Members;

/// <summary>
/// /api/v1/members: search, get (by id in the path; by MemberNo, UnionID or phone through /lookup), create, update,
/// tags, blacklist and timeline. Viewers read, Operators (Edit) create, update and tag, Managers and Admins (Manage)
/// blacklist and see full phone numbers.
/// </summary>
public static class MembersApi
{
    /// <summary>Maps the members, tags and events APIs (one line in ApiSetup).</summary>
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/members").WithTags("Members");
        api.MapGet("/", Search).RequireAuthorization(Policies.Read).ProducesValidationProblem()
            .WithSummary("Search members (paged).").WithDescription(MemberListQuery.Description);
        api.MapGet("/lookup", Lookup).RequireAuthorization(Policies.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One member by MemberNo, UnionID or phone.")
            .WithDescription("Exactly one of memberNo (e.g. 10001), unionId or phone (any common format). 404 when no member has it.");
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One member by id (the id of search results, not the MemberNo).");
        api.MapPost("/", Create).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .WithSummary("Create a member; it gets the next MemberNo.");
        api.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Update a member.")
            .WithDescription("Changes the fields sent; a missing or null field keeps its value, \"\" clears a text field, firstChannelId 0 clears the channel. version is required: 409 when someone saved first.");
        api.MapPost("/{id:int}/tags/{tagId:int}", AddTag).RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tag a member (no change when the member has the tag).");
        api.MapDelete("/{id:int}/tags/{tagId:int}", RemoveTag).RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Untag a member (no change when the member does not have the tag).");
        api.MapPost("/{id:int}/blacklist", Blacklist).RequireAuthorization(Policies.Manage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Blacklist a member: { \"reason\": \"…\" } (required). 409 when already blacklisted.");
        api.MapDelete("/{id:int}/blacklist", LiftBlacklist).RequireAuthorization(Policies.Manage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Lift a blacklisting (optional ?note=…, kept on the timeline). 409 when not blacklisted.");
        api.MapGet("/{id:int}/timeline", Timeline).RequireAuthorization(Policies.Read).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The member's timeline, newest first (paged).")
            .WithDescription($"page (from 1) and pageSize (1-{MemberTimelineService.MaxTake}, default 20).");

        v1.MapTagsApi();
        v1.MapEventsApi();
        return v1;
    }

    public static async Task<Ok<PageResponse<MemberRowResponse>>> Search(
        [AsParameters] MemberListQuery query, MemberQueryService members, MemberContactReader contacts, ClaimsPrincipal user,
        IAuthorizationService authorization, IStringLocalizer<ApiText> api, IStringLocalizer<EventsText> text, CancellationToken ct)
    {
        var memberQuery = query.ToMemberQuery(api, text);
        var page = await members.QueryAsync(memberQuery, ct);
        var full = await MayManageAsync(user, authorization);
        var phones = full ? await contacts.PhonesAsync([.. page.Items.Select(m => m.Id)], ct) : [];
        var rows = page.Items.Select(m =>
        {
            var phone = full ? phones.GetValueOrDefault(m.Id) : m.MaskedPhone;
            return new MemberRowResponse(m.Id, m.MemberNo, m.Nickname, m.RemarkName, phone, !full && phone is not null, m.Gender, m.Region,
                m.GrowthLevel, m.Status, m.FirstChannelId, m.FirstChannelName, m.CreatedAt, m.Tags);
        }).ToList();
        return TypedResults.Ok(new PageResponse<MemberRowResponse>(rows, page.TotalCount, page.Skip / page.Take + 1, page.Take));
    }

    public static async Task<Ok<MemberResponse>> Lookup(
        [FromQuery(Name = "memberNo")] int? memberNo, [FromQuery(Name = "unionId")] string? unionId, [FromQuery(Name = "phone")] string? phone,
        MemberService members, ClaimsPrincipal user, IAuthorizationService authorization, IStringLocalizer<EventsText> text,
        IStringLocalizer<MemberText> memberText, CancellationToken ct)
    {
        var (union, number) = (Text.Clean(unionId), Text.Clean(phone));
        if ((memberNo is null ? 0 : 1) + (union is null ? 0 : 1) + (number is null ? 0 : 1) != 1)
        {
            throw new PortalValidationException(new Dictionary<string, string[]> { ["memberNo"] = [text["LookupOneOf"]] });
        }
        if (union is not null && !MemberRules.IsUnionId(union))
        {
            throw Invalid("unionId", memberText["UnionIdFormat", memberText["Field.UnionId"], MemberRules.UnionIdMin, MemberRules.UnionIdMax]);
        }
        if (number is not null && MemberRules.NormalizePhone(number) is null)
        {
            throw Invalid("phone", memberText["PhoneFormat", memberText["Field.Phone"]]);
        }
        var member = memberNo is { } no
            ? await members.GetByNumberAsync(no, ct)
            : await members.FindAsync(union, union is null ? number : null, ct) ?? throw new NotFoundException(memberText["MemberNotFound"]);
        return TypedResults.Ok(MemberResponse.From(member, await MayManageAsync(user, authorization)));
    }

    public static async Task<Ok<MemberResponse>> Get(int id, MemberService members, ClaimsPrincipal user, IAuthorizationService authorization,
        CancellationToken ct) =>
        TypedResults.Ok(MemberResponse.From(await members.GetAsync(id, ct), await MayManageAsync(user, authorization)));

    public static async Task<Created<MemberResponse>> Create(MemberRequest request, MemberService members, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var member = await members.CreateAsync(request.ToInput(), MemberActor.From(user), ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/members/{member.Id}", MemberResponse.From(member, await MayManageAsync(user, authorization)));
    }

    public static async Task<Ok<MemberResponse>> Update(int id, MemberRequest request, MemberService members, ClaimsPrincipal user,
        IAuthorizationService authorization, IStringLocalizer<ValidationText> validation, CancellationToken ct)
    {
        var version = ApiInput.RequireVersion(request.Version, validation);
        var current = await members.GetAsync(id, ct);
        var member = await members.UpdateAsync(id, request.MergeInto(current), version, MemberActor.From(user), ct);
        return TypedResults.Ok(MemberResponse.From(member, await MayManageAsync(user, authorization)));
    }

    public static Task<Ok<MemberResponse>> AddTag(int id, int tagId, TagService tags, MemberService members, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken ct) =>
        ChangeTagAsync(id, tagId, add: true, tags, members, user, authorization, ct);

    public static Task<Ok<MemberResponse>> RemoveTag(int id, int tagId, TagService tags, MemberService members, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken ct) =>
        ChangeTagAsync(id, tagId, add: false, tags, members, user, authorization, ct);

    public static async Task<Ok<MemberResponse>> Blacklist(int id, BlacklistRequest request, MemberService members, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var member = await Renamed(() => members.BlacklistAsync(id, request.Reason, MemberActor.From(user), ct), "BlacklistReason", "reason");
        return TypedResults.Ok(MemberResponse.From(member, fullPhone: true));
    }

    public static async Task<Ok<MemberResponse>> LiftBlacklist(int id, [FromQuery(Name = "note")] string? note, MemberService members,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await Renamed(() => members.LiftBlacklistAsync(id, note, MemberActor.From(user), ct), "LiftNote", "note");
        return TypedResults.Ok(MemberResponse.From(member, fullPhone: true));
    }

    public static async Task<Ok<PageResponse<TimelineEntry>>> Timeline(int id, [FromQuery(Name = "page")] int? page,
        [FromQuery(Name = "pageSize")] int? pageSize, MemberTimelineService timeline, IStringLocalizer<ApiText> api, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = [api["ParameterMin", "page", 1]];
        }
        if (pageSize is < 1 or > MemberTimelineService.MaxTake)
        {
            errors["pageSize"] = [api["ParameterRange", "pageSize", 1, MemberTimelineService.MaxTake]];
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        var size = pageSize ?? 20;
        var entries = await timeline.GetAsync(id, ((page ?? 1) - 1) * size, size, ct);
        return TypedResults.Ok(new PageResponse<TimelineEntry>(entries.Items, entries.TotalCount, page ?? 1, size));
    }

    private static PortalValidationException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Full phone numbers are for keys that may manage members (Manager, Admin); everyone else reads them masked.</summary>
    internal static async Task<bool> MayManageAsync(ClaimsPrincipal user, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(user, Policies.Manage)).Succeeded;

    private static async Task<Ok<MemberResponse>> ChangeTagAsync(int id, int tagId, bool add, TagService tags, MemberService members,
        ClaimsPrincipal user, IAuthorizationService authorization, CancellationToken ct)
    {
        // A tag that does not exist is a 404 like the member: both are in the path.
        await tags.GetTagAsync(tagId, ct);
        var actor = MemberActor.From(user);
        _ = add ? await tags.AddToMemberAsync(id, tagId, actor, ct) : await tags.RemoveFromMemberAsync(id, tagId, actor, ct);
        return TypedResults.Ok(MemberResponse.From(await members.GetAsync(id, ct), await MayManageAsync(user, authorization)));
    }

    /// <summary>The service names its field after the entity ("BlacklistReason"); the client sent it as <paramref name="wire"/>.</summary>
    private static async Task<T> Renamed<T>(Func<Task<T>> action, string field, string wire)
    {
        try
        {
            return await action();
        }
        catch (PortalValidationException ex) when (ex.Errors.ContainsKey(field))
        {
            throw new PortalValidationException(ex.Errors.ToDictionary(e => e.Key == field ? wire : e.Key, e => e.Value));
        }
    }
}
