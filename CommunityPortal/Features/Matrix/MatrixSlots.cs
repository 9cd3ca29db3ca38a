namespace CommunityPortal.Features.Matrix;

/// <summary>The places on the matrix's pages that other features fill (Components/Shared/Slot).</summary>
public static class MatrixSlots
{
    /// <summary>Panels below the group's form on /groups/{id}; parameter GroupId (int).</summary>
    public const string GroupPage = "matrix.group-page";

    /// <summary>Actions on an activity's row in the tree, before its own; parameter ActivityId (int).</summary>
    public const string ActivityActions = "matrix.activity-actions";
}
