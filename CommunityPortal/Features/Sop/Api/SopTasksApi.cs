using System.Security.Claims;
using CommunityPortal.Features.Sop.Tasks;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Api;

/// <summary>/api/v1/sop/tasks: read tasks over a bounded range, tick one done or skip it.</summary>
public static class SopTasksApi
{
    public static IEndpointRouteBuilder MapSopTasksApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/sop/tasks").WithTags("SOP tasks");
        api.MapGet("/", List).RequireAuthorization(Policies.Read).ProducesValidationProblem()
            .WithDescription($"""
                Tasks due in [from, to), by due time. from and to are required: an ISO date (a whole day in the team's time
                zone: from its start, to its end), a date and time in the team's time zone (2026-12-01T09:00), or one with an
                offset (2026-12-01T01:00Z); at most {SopTaskQuery.MaxRangeDays} days apart. Filters: groupId, planId, assignee
                (a user's e-mail), state (Pending, Done, Skipped, Overdue). At most {SopTaskQuery.MaxTake} tasks.
                """);
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/done", Done).RequireAuthorization(Policies.Edit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("""
                Marks the task done (who: the key's name; when: now). A task already done or skipped is answered as it is (200),
                nothing changes. Managers' and admins' keys may tick any task; an Operator key stands for no person, owns no
                task and is refused (403): operators tick their own tasks in the portal.
                """);
        api.MapPost("/{id:int}/skip", Skip).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Skips the task with a reason (required). Same rules as done: a settled task is answered as it is.");
        return v1;
    }

    public static async Task<Ok<List<SopTaskResponse>>> List(string? from, string? to, int? groupId, int? planId, string? assignee,
        SopTaskStatus? state, SopTaskReader tasks, UserManager<ApplicationUser> users, IStringLocalizer<SopText> text,
        IStringLocalizer<ValidationText> validation, CancellationToken ct)
    {
        var (start, end) = SopTaskRange.Parse(from, to, text);
        string? assigneeId = null;
        if (!string.IsNullOrWhiteSpace(assignee))
        {
            // An unknown e-mail is a mistake to name, not a filter that quietly matches the tasks nobody is assigned.
            assigneeId = (await users.FindByEmailAsync(assignee.Trim()))?.Id ?? throw new PortalValidationException(
                new Dictionary<string, string[]> { ["assignee"] = [validation["UnknownUser", text["Field.Assignee"]]] });
        }
        var query = new SopTaskQuery(start, end) { GroupId = groupId, PlanId = planId, Assignee = assigneeId, State = state };
        return TypedResults.Ok((await tasks.ListAsync(query, ct)).Select(SopTaskResponse.From).ToList());
    }

    public static async Task<Ok<SopTaskResponse>> Get(int id, SopTaskReader tasks, IStringLocalizer<SopText> text, CancellationToken ct) =>
        TypedResults.Ok(SopTaskResponse.From(await tasks.FindAsync(id, ct) ?? throw new NotFoundException(text["TaskNotFound"])));

    public static async Task<Ok<SopTaskResponse>> Done(int id, ClaimsPrincipal user, SopTaskService tasks, CancellationToken ct) =>
        TypedResults.Ok(SopTaskResponse.From(await tasks.CompleteAsync(id, SopApiActor.From(user), ct)));

    public static async Task<Ok<SopTaskResponse>> Skip(int id, SopSkipRequest request, ClaimsPrincipal user, SopTaskService tasks,
        CancellationToken ct) =>
        TypedResults.Ok(SopTaskResponse.From(await SopApiFields.NamedAsync(() => tasks.SkipAsync(id, request.Reason, SopApiActor.From(user), ct))));
}
