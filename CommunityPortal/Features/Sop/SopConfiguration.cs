using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Sop;

internal sealed class SopPlanConfiguration : IEntityTypeConfiguration<SopPlan>
{
    public void Configure(EntityTypeBuilder<SopPlan> builder)
    {
        builder.ToTable("SopPlans");
        builder.Property(p => p.Name).HasMaxLength(SopPlan.NameMax).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(SopPlan.DescriptionMax);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.TemplateKey).HasMaxLength(SopPlan.TemplateKeyMax);
        builder.Property(p => p.Culture).HasMaxLength(SopPlan.CultureMax);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Assignments).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Each preloaded template once per language, whatever restarts and instances do.
        builder.HasIndex(p => new { p.TemplateKey, p.Culture }).IsUnique();
        builder.HasIndex(p => new { p.IsTemplate, p.Status, p.Name });
    }
}

internal sealed class SopPlanVersionConfiguration : IEntityTypeConfiguration<SopPlanVersion>
{
    public void Configure(EntityTypeBuilder<SopPlanVersion> builder)
    {
        builder.ToTable("SopPlanVersions");
        builder.Property(v => v.CreatedById).HasMaxLength(450);
        builder.HasMany(v => v.Steps).WithOne().HasForeignKey(s => s.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class SopStepConfiguration : IEntityTypeConfiguration<SopStep>
{
    public void Configure(EntityTypeBuilder<SopStep> builder)
    {
        builder.ToTable("SopSteps");
        builder.Property(s => s.Key).HasMaxLength(SopStep.KeyLength).IsRequired();
        builder.Property(s => s.Title).HasMaxLength(SopStep.TitleMax).IsRequired();
        builder.Property(s => s.Content).HasMaxLength(SopStep.ContentMax).IsRequired();
        builder.Property(s => s.ImageUrl).HasMaxLength(SopStep.UrlMax);
        builder.Property(s => s.LinkUrl).HasMaxLength(SopStep.UrlMax);
        builder.Property(s => s.AssigneeMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.AssigneeId).HasMaxLength(450);
        builder.HasIndex(s => new { s.PlanVersionId, s.Position });
    }
}

internal sealed class SopAssignmentConfiguration : IEntityTypeConfiguration<SopAssignment>
{
    public void Configure(EntityTypeBuilder<SopAssignment> builder)
    {
        builder.ToTable("SopAssignments");
        builder.Property(a => a.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Lifetime).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Label).HasMaxLength(Group.LabelMax);
        builder.Property(a => a.CreatedById).HasMaxLength(450);
        builder.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Series>().WithMany().HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PlanId, a.GroupId });
        builder.HasIndex(a => a.GroupId);
    }
}

internal sealed class SopTaskConfiguration : IEntityTypeConfiguration<SopTask>
{
    public void Configure(EntityTypeBuilder<SopTask> builder)
    {
        builder.ToTable("SopTasks");
        builder.Property(t => t.StepKey).HasMaxLength(SopStep.KeyLength).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(SopStep.TitleMax).IsRequired();
        // Rendered content: placeholders (a group name, two addresses) can make it longer than the step's text.
        builder.Property(t => t.Content).HasMaxLength(SopStep.ContentMax * 2).IsRequired();
        builder.Property(t => t.ImageUrl).HasMaxLength(SopStep.UrlMax);
        builder.Property(t => t.LinkUrl).HasMaxLength(SopStep.UrlMax);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.DoneById).HasMaxLength(450);
        builder.Property(t => t.DoneByName).HasMaxLength(ApplicationUser.DisplayNameMax + 256);
        builder.Property(t => t.SkipReason).HasMaxLength(SopTask.SkipReasonMax);
        builder.Property(t => t.Version).IsConcurrencyToken();
        // A plan with done or skipped tasks is archived, never deleted (SopPlanService); a deleted group takes its tasks.
        builder.HasOne<SopPlan>().WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        // Idempotent materialisation: one task per plan, group, step and day.
        builder.HasIndex(t => new { t.PlanId, t.GroupId, t.StepKey, t.OccursOn }).IsUnique();
        builder.HasIndex(t => new { t.AssigneeId, t.DueAt });
        builder.HasIndex(t => new { t.GroupId, t.DueAt });
        builder.HasIndex(t => new { t.DueAt, t.State });
    }
}

internal sealed class SopFeedTokenConfiguration : IEntityTypeConfiguration<SopFeedToken>
{
    public void Configure(EntityTypeBuilder<SopFeedToken> builder)
    {
        builder.ToTable("SopFeedTokens");
        builder.Property(t => t.UserId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(SopFeedToken.HashLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
    }
}
