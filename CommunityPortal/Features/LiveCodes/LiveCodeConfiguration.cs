using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.LiveCodes;

internal sealed class LiveCodeConfiguration : IEntityTypeConfiguration<LiveCode>
{
    public void Configure(EntityTypeBuilder<LiveCode> builder)
    {
        builder.ToTable("LiveCodes");
        builder.Property(c => c.Name).HasMaxLength(LiveCode.NameMax).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(LiveCode.SlugMax).IsRequired();
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.FallbackMessage).HasMaxLength(LiveCode.FallbackMessageMax);
        builder.Property(c => c.FallbackImageContentType).HasMaxLength(32);
        builder.Property(c => c.LandingTitle).HasMaxLength(LiveCode.LandingTitleMax);
        builder.Property(c => c.LandingText).HasMaxLength(LiveCode.LandingTextMax);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasMany(c => c.Pool).WithOne().HasForeignKey(e => e.LiveCodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveCodePoolEntryConfiguration : IEntityTypeConfiguration<LiveCodePoolEntry>
{
    public void Configure(EntityTypeBuilder<LiveCodePoolEntry> builder)
    {
        builder.ToTable("LiveCodePoolEntries");
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.LiveCodeId, e.GroupId }).IsUnique();
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.ToTable("Channels");
        builder.Property(c => c.Name).HasMaxLength(Channel.NameMax).IsRequired();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class ChannelCodeConfiguration : IEntityTypeConfiguration<ChannelCode>
{
    public void Configure(EntityTypeBuilder<ChannelCode> builder)
    {
        builder.ToTable("ChannelCodes");
        builder.Property(c => c.Key).HasMaxLength(ChannelCode.KeyLength).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.HasIndex(c => new { c.LiveCodeId, c.ChannelId }).IsUnique();
        builder.HasOne<LiveCode>().WithMany().HasForeignKey(c => c.LiveCodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> builder)
    {
        builder.ToTable("Scans");
        builder.Property(s => s.VisitorKey).HasMaxLength(Scan.VisitorKeyLength).IsRequired();
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Client).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.UserAgent).HasMaxLength(Scan.UserAgentMax);
        // Facts outlive what they point at: a live code with scans is not deleted (Restrict), a group or channel code
        // that goes away leaves its scans with a null reference.
        builder.HasOne<LiveCode>().WithMany().HasForeignKey(s => s.LiveCodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChannelCode>().WithMany().HasForeignKey(s => s.ChannelCodeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.LiveCodeId, s.At });
        // A member's scans for the timeline; a visitor's scans to link when that visitor signs up.
        builder.HasIndex(s => new { s.MemberId, s.At });
        builder.HasIndex(s => s.VisitorKey);
    }
}
