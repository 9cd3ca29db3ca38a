using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Members;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<MemberSegment>
{
    public void Configure(EntityTypeBuilder<MemberSegment> builder)
    {
        builder.ToTable("MemberSegments");
        builder.Property(s => s.Name).HasMaxLength(MemberSegment.NameMax).IsRequired();
        builder.Property(s => s.FilterJson).HasMaxLength(MemberSegment.FilterMax).IsRequired();
        builder.Property(s => s.CreatedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(s => s.CreatedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
