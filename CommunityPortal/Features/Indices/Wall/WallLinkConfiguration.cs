using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Indices.Wall;

internal sealed class WallLinkConfiguration : IEntityTypeConfiguration<WallLink>
{
    public void Configure(EntityTypeBuilder<WallLink> builder)
    {
        builder.ToTable("WallLinks");
        builder.Property(l => l.Name).HasMaxLength(WallLink.NameMax).IsRequired();
        builder.Property(l => l.TokenHash).HasMaxLength(SecretTokens.HashLength).IsRequired();
        builder.Property(l => l.CreatedBy).HasMaxLength(WallLink.CreatedByMax).IsRequired();
        builder.HasIndex(l => l.TokenHash).IsUnique();
    }
}
