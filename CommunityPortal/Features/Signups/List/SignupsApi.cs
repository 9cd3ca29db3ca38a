using System.Security.Claims;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Members;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Signups.Public;
namespace CommunityPortal.Features.Signups.List;

/// <summary>/api/v1/activities/{id}/signups: an activity's sign-ups, signing a member up, check-in and completion.</summary>
public static class SignupsApi
{
    public static IEndpointRouteBuilder MapSignupsApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/activities/{id:int}/signups").WithTags("Sign-ups");
        api.MapGet("/", List).RequireAuthorization(Policies.Read).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Newest first. skip (default 0), take (1-200, default 20), search: a MemberNo, a phone or its last digits, or part of the name.");
        api.MapPost("/", Create).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("""
                Signs a member up with the public page's rules: refused (409) when the member is blacklisted, the form is not
                open yet or closed, or the activity is full. 201 with the new sign-up; 200 with the existing one when the
                member had signed up already (nothing written).
                """);
        api.MapPut("/{signupId:int}/checkin", (int id, int signupId, ClaimsPrincipal user, SignupListService signups, CancellationToken ct) =>
                Mark(signups.SetCheckedInAsync(id, signupId, true, MemberActor.From(user), ct)))
            .RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Marks that the person came (到场), recording who and when; marking again keeps the first. DELETE clears it.");
        api.MapDelete("/{signupId:int}/checkin", (int id, int signupId, ClaimsPrincipal user, SignupListService signups, CancellationToken ct) =>
                Mark(signups.SetCheckedInAsync(id, signupId, false, MemberActor.From(user), ct)))
            .RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{signupId:int}/complete", (int id, int signupId, ClaimsPrincipal user, SignupListService signups, CancellationToken ct) =>
                Mark(signups.SetCompletedAsync(id, signupId, true, MemberActor.From(user), ct)))
            .RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Marks that the person completed the activity (完成), recording who and when. DELETE clears it.");
        api.MapDelete("/{signupId:int}/complete", (int id, int signupId, ClaimsPrincipal user, SignupListService signups, CancellationToken ct) =>
                Mark(signups.SetCompletedAsync(id, signupId, false, MemberActor.From(user), ct)))
            .RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    public static async Task<Ok<PagedResult<SignupResponse>>> List(int id, int? skip, int? take, string? search, ActivityService activities,
        SignupListService signups, IStringLocalizer<ApiText> text, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (skip < 0)
        {
            errors["skip"] = [text["ParameterMin", "skip", 0]];
        }
        if (take is < 1 or > SignupQuery.MaxTake)
        {
            errors["take"] = [text["ParameterRange", "take", 1, SignupQuery.MaxTake]];
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        await activities.GetAsync(id, ct);
        var page = await signups.ListAsync(id, new SignupQuery { Skip = skip ?? 0, Take = take ?? 20, Search = search }, ct);
        return TypedResults.Ok(new PagedResult<SignupResponse>([.. page.Items.Select(SignupResponse.From)], page.TotalCount, page.Skip, page.Take));
    }

    public static async Task<Results<Created<SignupResponse>, Ok<SignupResponse>>> Create(int id, SignupRequest request, ClaimsPrincipal user,
        ActivityService activities, SignupService signups, SignupListService list, IStringLocalizer<SignupText> text, CancellationToken ct)
    {
        await activities.GetAsync(id, ct);
        var result = await signups.CreateAsync(id, request.ToSubmission(), MemberActor.From(user), ct);
        switch (result.Outcome)
        {
            case SignupOutcome.Created:
                var created = SignupResponse.From(await list.GetAsync(id, result.Receipt!.SignupId, ct));
                return TypedResults.Created($"{ApiSetup.Prefix}/activities/{id}/signups/{created.Id}", created);
            case SignupOutcome.Existing:
                return TypedResults.Ok(SignupResponse.From(await list.GetAsync(id, result.Receipt!.SignupId, ct)));
            case SignupOutcome.Invalid:
                throw new PortalValidationException(result.Errors!);
            case SignupOutcome.NotFound:
                throw new NotFoundException(text["FormNotFound"]);
            default:
                throw new ConflictException(text[$"Refused.{result.Outcome}"]);
        }
    }

    private static async Task<Ok<SignupResponse>> Mark(Task<SignupRow> marking) => TypedResults.Ok(SignupResponse.From(await marking));
}
