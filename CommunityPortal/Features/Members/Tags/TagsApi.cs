using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>/api/v1/tag-groups and /api/v1/tags: read for everyone, create and change for Operators, delete for Managers.</summary>
public static class TagsApi
{
    public static IEndpointRouteBuilder MapTagsApi(this IEndpointRouteBuilder v1)
    {
        var groups = v1.MapGroup("/tag-groups").WithTags("Tags");
        groups.MapGet("/", ListGroups).RequireAuthorization(Policies.Read)
            .WithSummary("Every tag group with its tags: behaviour, growth, attribute; then by name.");
        groups.MapGet("/{id:int}", GetGroup).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        groups.MapPost("/", CreateGroup).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        groups.MapPut("/{id:int}", UpdateGroup).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        groups.MapDelete("/{id:int}", DeleteGroup).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Delete an empty tag group (409 while it has tags).");

        var tags = v1.MapGroup("/tags").WithTags("Tags");
        tags.MapGet("/", ListTags).RequireAuthorization(Policies.Read)
            .WithSummary("Every tag (optionally ?tagGroupId=…), by group and name.");
        tags.MapGet("/{id:int}", GetTag).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        tags.MapPost("/", CreateTag).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        tags.MapPut("/{id:int}", UpdateTag).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tags.MapDelete("/{id:int}", DeleteTag).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a tag and take it off every member (their timelines keep its name).");
        return v1;
    }

    public static async Task<Ok<IReadOnlyList<TagGroupDto>>> ListGroups(TagService tags, CancellationToken ct) =>
        TypedResults.Ok(await tags.ListAsync(ct));

    public static async Task<Ok<TagGroupDto>> GetGroup(int id, TagService tags, IStringLocalizer<MemberText> text, CancellationToken ct) =>
        TypedResults.Ok((await tags.ListAsync(ct)).FirstOrDefault(g => g.Id == id) ?? throw new NotFoundException(text["TagGroupNotFound"]));

    public static async Task<Created<TagGroupDto>> CreateGroup(TagGroupRequest request, TagService tags, CancellationToken ct)
    {
        var group = await tags.CreateGroupAsync(request.ToInput(), ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/tag-groups/{group.Id}", group);
    }

    public static async Task<Ok<TagGroupDto>> UpdateGroup(int id, TagGroupRequest request, TagService tags,
        IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(await tags.UpdateGroupAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct));

    public static async Task<NoContent> DeleteGroup(int id, TagService tags, CancellationToken ct)
    {
        await tags.DeleteGroupAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<TagDto>>> ListTags([FromQuery(Name = "tagGroupId")] int? tagGroupId, TagService tags, CancellationToken ct) =>
        TypedResults.Ok((await tags.ListAsync(ct)).Where(g => tagGroupId is null || g.Id == tagGroupId).SelectMany(g => g.Tags).ToList());

    public static async Task<Ok<TagDto>> GetTag(int id, TagService tags, CancellationToken ct) =>
        TypedResults.Ok(await tags.GetTagAsync(id, ct));

    public static async Task<Created<TagDto>> CreateTag(TagRequest request, TagService tags, CancellationToken ct)
    {
        var tag = await tags.CreateTagAsync(request.ToInput(), ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/tags/{tag.Id}", tag);
    }

    public static async Task<Ok<TagDto>> UpdateTag(int id, TagRequest request, TagService tags, IStringLocalizer<ValidationText> validation,
        CancellationToken ct) =>
        TypedResults.Ok(await tags.UpdateTagAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct));

    public static async Task<NoContent> DeleteTag(int id, TagService tags, CancellationToken ct)
    {
        await tags.DeleteTagAsync(id, ct);
        return TypedResults.NoContent();
    }
}
