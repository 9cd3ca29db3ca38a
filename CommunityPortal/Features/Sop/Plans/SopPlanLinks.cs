namespace CommunityPortal.Features.Sop.Plans;

/// <summary>The plan pages' addresses (base-relative, as the portal's links are).</summary>
public static class SopPlanLinks
{
    public const string List = "sop/plans";

    public const string Templates = "sop/plans?tab=templates";

    public const string New = "sop/plans/new";

    public static string Plan(int id) => $"sop/plans/{id}";
}
