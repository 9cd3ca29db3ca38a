using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Matrix;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.ToTable("Themes");
        builder.Property(t => t.Name).HasMaxLength(Theme.NameMax).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(Theme.DescriptionMax);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class SeriesConfiguration : IEntityTypeConfiguration<Series>
{
    public void Configure(EntityTypeBuilder<Series> builder)
    {
        builder.ToTable("Series");
        builder.Property(s => s.Name).HasMaxLength(Series.NameMax).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Series.DescriptionMax);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Theme).WithMany(t => t.Series).HasForeignKey(s => s.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ThemeId, s.Name }).IsUnique();
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.Property(a => a.Name).HasMaxLength(Activity.NameMax).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Series).WithMany(s => s.Activities).HasForeignKey(a => a.SeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SeriesId, a.PeriodNo }).IsUnique();
        builder.HasIndex(a => new { a.SeriesId, a.Name }).IsUnique();
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Name).HasMaxLength(Group.NameMax).IsRequired();
        builder.Property(g => g.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Lifetime).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Announcement).HasMaxLength(Group.AnnouncementMax);
        builder.Property(g => g.WelcomeMessage).HasMaxLength(Group.WelcomeMessageMax);
        builder.Property(g => g.Rules).IsRequired();
        builder.Property(g => g.Labels).IsRequired();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Activity).WithMany(a => a.Groups).HasForeignKey(g => g.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Owner).WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.SetNull);
        // Unique within an activity; NULLs never collide, so standalone groups get their own filtered index.
        builder.HasIndex(g => new { g.ActivityId, g.Name }).IsUnique();
        builder.HasIndex(g => g.Name, "IX_Groups_StandaloneName").IsUnique().HasFilter("\"ActivityId\" IS NULL");
        builder.HasIndex(g => g.Status);
        builder.HasIndex(g => g.OwnerId);
    }
}
