using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Sop.Assignment;

/// <summary>An assignment as people read it: the group's name, or the rule's criteria ("分层：核心 · 活动：第3期").</summary>
public static class SopAssignmentLabels
{
    public static string Describe(this IStringLocalizer<SopText> text, IStringLocalizer<MatrixText> matrix, SopAssignmentDto assignment)
    {
        if (assignment.GroupId is { } groupId)
        {
            return assignment.GroupName ?? text["Assignment.GroupNo", groupId];
        }
        var parts = new List<string>();
        if (assignment.Tier is { } tier)
        {
            parts.Add(text["Assignment.Criterion", text["Field.Tier"], matrix.Label(tier)]);
        }
        if (assignment.Lifetime is { } lifetime)
        {
            parts.Add(text["Assignment.Criterion", text["Field.Lifetime"], matrix.Label(lifetime)]);
        }
        if (assignment.SeriesId is not null)
        {
            parts.Add(text["Assignment.Criterion", text["Field.SeriesId"], assignment.SeriesName ?? "#" + assignment.SeriesId]);
        }
        if (assignment.ActivityId is not null)
        {
            parts.Add(text["Assignment.Criterion", text["Field.ActivityId"], assignment.ActivityName ?? "#" + assignment.ActivityId]);
        }
        if (assignment.Label is { } label)
        {
            parts.Add(text["Assignment.Criterion", text["Field.Label"], label]);
        }
        return string.Join(" · ", parts);
    }
}
