using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.GroupQrs;

internal sealed class GroupQrConfiguration : IEntityTypeConfiguration<GroupQr>
{
    public void Configure(EntityTypeBuilder<GroupQr> builder)
    {
        builder.ToTable("GroupQrs");
        builder.Property(q => q.Payload).HasMaxLength(GroupQr.PayloadMax).IsRequired();
        builder.Property(q => q.ImageContentType).HasMaxLength(32).IsRequired();
        builder.Property(q => q.Image).IsRequired();
        builder.HasOne(q => q.Group).WithMany().HasForeignKey(q => q.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(q => q.UploadedById).OnDelete(DeleteBehavior.SetNull);
        // At most one current QR per group.
        builder.HasIndex(q => q.GroupId, "IX_GroupQrs_Current").IsUnique().HasFilter("\"ReplacedAt\" IS NULL");
        builder.HasIndex(q => new { q.GroupId, q.UploadedAt });
    }
}
