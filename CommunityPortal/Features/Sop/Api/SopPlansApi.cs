using System.Security.Claims;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Api;

/// <summary>/api/v1/sop/plans: list, read, create, update (a new version), archive, restore, delete, copy, apply. Managers and admins write.</summary>
public static class SopPlansApi
{
    public static IEndpointRouteBuilder MapSopPlansApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/sop/plans").WithTags("SOP plans");
        api.MapGet("/", List).RequireAuthorization(Policies.Read)
            .WithDescription("Active plans by name; templates=true lists the preloaded and saved templates instead (in the request's language), includeArchived=true adds archived ones.");
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", Create).RequireAuthorization(Policies.Manage).ProducesValidationProblem();
        api.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Manage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Saves the steps as a new version. Future pending tasks follow it; done and skipped tasks keep the text they had.");
        api.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Deletes a plan nobody has worked on (result Deleted); a plan with done or skipped tasks is archived instead (result Archived), so its record stays.");
        api.MapPost("/{id:int}/archive", Archive).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("No new tasks; future pending tasks are removed, done and skipped ones stay. Archiving twice is harmless.");
        api.MapPost("/{id:int}/restore", Restore).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/copy", Copy).RequireAuthorization(Policies.Manage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("A new plan with the same steps: how a template (开群仪式 …) becomes a plan that can be applied. Send a JSON body: {} for the default name.");
        api.MapPost("/{id:int}/apply", Apply).RequireAuthorization(Policies.Manage).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("""
                Applies the plan to groups by id and/or by a rule (tier, lifetime, seriesId, activityId, label: all given must
                match; groups created later that match get the plan too). Archived groups are refused (groupIds), as are
                templates and archived plans (409). Tasks over the horizon are made at once; the answer counts them.
                """);
        return v1;
    }

    public static async Task<Ok<List<SopPlanSummaryResponse>>> List(bool? templates, bool? includeArchived, SopPlanService plans, CancellationToken ct) =>
        TypedResults.Ok((await plans.ListAsync(templates ?? false, includeArchived ?? false, ct)).Select(SopPlanSummaryResponse.From).ToList());

    public static async Task<Ok<SopPlanResponse>> Get(int id, SopPlanService plans, CancellationToken ct) =>
        TypedResults.Ok(SopPlanResponse.From(await plans.GetAsync(id, ct)));

    public static async Task<Created<SopPlanResponse>> Create(SopPlanRequest request, ClaimsPrincipal user, SopPlanService plans,
        IStringLocalizer<ValidationText> validation, IStringLocalizer<SopText> text, CancellationToken ct)
    {
        var input = request.ToInput(RequireKind(request, validation, text));
        var plan = SopPlanResponse.From(await SopApiFields.NamedAsync(() => plans.CreateAsync(input, SopApiActor.AuthorId(user), ct)));
        return TypedResults.Created($"{ApiSetup.Prefix}/sop/plans/{plan.Id}", plan);
    }

    public static async Task<Ok<SopPlanResponse>> Update(int id, SopPlanRequest request, ClaimsPrincipal user, SopPlanService plans,
        IStringLocalizer<ValidationText> validation, IStringLocalizer<SopText> text, CancellationToken ct)
    {
        var version = ApiInput.RequireVersion(request.Version, validation);
        var input = request.ToInput(RequireKind(request, validation, text));
        return TypedResults.Ok(SopPlanResponse.From(
            await SopApiFields.NamedAsync(() => plans.UpdateAsync(id, input, version, SopApiActor.AuthorId(user), ct))));
    }

    public static async Task<Ok<SopPlanDeleteResponse>> Delete(int id, SopPlanService plans, CancellationToken ct) =>
        TypedResults.Ok(new SopPlanDeleteResponse(id, await plans.DeleteAsync(id, ct) ? SopPlanRemoval.Deleted : SopPlanRemoval.Archived));

    public static async Task<Ok<SopPlanResponse>> Archive(int id, SopPlanService plans, CancellationToken ct)
    {
        await plans.ArchiveAsync(id, ct);
        return TypedResults.Ok(SopPlanResponse.From(await plans.GetAsync(id, ct)));
    }

    public static async Task<Ok<SopPlanResponse>> Restore(int id, SopPlanService plans, CancellationToken ct)
    {
        await plans.RestoreAsync(id, ct);
        return TypedResults.Ok(SopPlanResponse.From(await plans.GetAsync(id, ct)));
    }

    public static async Task<Created<SopPlanResponse>> Copy(int id, SopCopyRequest? request, ClaimsPrincipal user, SopPlanService plans,
        CancellationToken ct)
    {
        var plan = SopPlanResponse.From(await SopApiFields.NamedAsync(() => plans.CopyAsync(id, request?.Name, SopApiActor.AuthorId(user), ct)));
        return TypedResults.Created($"{ApiSetup.Prefix}/sop/plans/{plan.Id}", plan);
    }

    public static async Task<Ok<SopApplyResponse>> Apply(int id, SopApplyRequest request, ClaimsPrincipal user, SopAssignmentService assignments,
        SopPlanService plans, CancellationToken ct)
    {
        var result = await SopApiFields.NamedAsync(() => assignments.ApplyAsync(id, request.ToInput(), SopApiActor.AuthorId(user), ct));
        return TypedResults.Ok(SopApplyResponse.From(result, await plans.GetAsync(id, ct)));
    }

    // The page always has a kind; on the wire a missing one is refused rather than guessed (a weekly plan read as daily
    // would post every day).
    private static SopPlanKind RequireKind(SopPlanRequest request, IStringLocalizer<ValidationText> validation, IStringLocalizer<SopText> text) =>
        request.Kind ?? throw new PortalValidationException(new Dictionary<string, string[]>
        {
            ["kind"] = [validation["Required", text["Field.Kind"]]],
        });
}
