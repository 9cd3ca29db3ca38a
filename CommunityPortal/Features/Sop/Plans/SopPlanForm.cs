namespace CommunityPortal.Features.Sop.Plans;

/// <summary>
/// The editor's model is the service's own input (its refusals name these very properties, "Steps[2].Time" included), filled
/// from a saved plan or for a new one. A named person is picked by e-mail, which the service accepts as well as an id.
/// </summary>
public static class SopPlanForm
{
    public const string DefaultTime = "09:00";

    public static SopPlanInput From(SopPlanDto plan) => new()
    {
        Name = plan.Name,
        Description = plan.Description,
        Kind = plan.Kind,
        Steps = [.. plan.Steps.Select(Step)],
    };

    public static SopPlanInput New() => new() { Kind = SopPlanKind.Daily, Steps = [NextStep(null)] };

    /// <summary>A new step at the previous one's time and day, the group's owner responsible.</summary>
    public static SopStepInput NextStep(SopStepInput? previous) => new()
    {
        Time = previous?.Time ?? DefaultTime,
        DayOffset = previous?.DayOffset ?? 0,
        Weekdays = [.. previous?.Weekdays ?? []],
        AssigneeMode = SopAssigneeMode.GroupOwner,
    };

    private static SopStepInput Step(SopStepDto step)
    {
        var input = SopPlanReader.ToInput(step);
        input.Assignee = step.AssigneeMode == SopAssigneeMode.User ? step.AssigneeEmail ?? step.AssigneeId : null;
        return input;
    }
}
