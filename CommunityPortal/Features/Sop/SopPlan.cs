using CommunityPortal.Infrastructure.Domain;

namespace CommunityPortal.Features.Sop;

/// <summary>
/// An SOP plan (社群SOP): steps that become tasks for every group the plan is applied to. Versioned: an edit adds a
/// version, tasks already done keep the version (and the text) they were made from.
/// </summary>
public sealed class SopPlan : Entity
{
    public const int NameMax = 60;
    public const int DescriptionMax = 500;
    public const int TemplateKeyMax = 40;
    public const int CultureMax = 10;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public SopPlanKind Kind { get; set; }

    public SopPlanStatus Status { get; set; }

    /// <summary>A preloaded template (开群仪式 …): shown under Templates, copied into a plan before it is applied.</summary>
    public bool IsTemplate { get; set; }

    /// <summary>Which preloaded template this is, with <see cref="Culture"/> (the seeder adds each one once).</summary>
    public string? TemplateKey { get; set; }

    public string? Culture { get; set; }

    /// <summary>The number of the newest version; its steps are the plan's steps.</summary>
    public int CurrentVersion { get; set; }

    public List<SopPlanVersion> Versions { get; set; } = [];

    public List<SopAssignment> Assignments { get; set; } = [];
}

/// <summary>One version of a plan's steps. Never changed once written.</summary>
public sealed class SopPlanVersion
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public List<SopStep> Steps { get; set; } = [];
}
