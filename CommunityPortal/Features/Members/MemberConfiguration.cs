using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using CommunityPortal.Features.Members.List;
namespace CommunityPortal.Features.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("Members");
        builder.Property(m => m.UnionId).HasMaxLength(MemberRules.UnionIdMax);
        builder.Property(m => m.Nickname).HasMaxLength(Member.NicknameMax).IsRequired();
        builder.Property(m => m.RemarkName).HasMaxLength(Member.RemarkNameMax);
        builder.Property(m => m.Phone).HasMaxLength(MemberRules.PhoneLength);
        builder.Property(m => m.Gender).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Region).HasMaxLength(Member.RegionMax);
        builder.Property(m => m.GrowthLevel).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.BlacklistReason).HasMaxLength(Member.BlacklistReasonMax);
        builder.Property(m => m.BlacklistedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(m => m.BlacklistedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(m => m.CreatedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(m => m.CreatedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsBlacklisted);
        builder.HasOne<Channel>().WithMany().HasForeignKey(m => m.FirstChannelId).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(m => m.MemberNo).IsUnique();
        // NULLs never collide in a unique index; the filter keeps the index to the members who have the value.
        builder.HasIndex(m => m.UnionId).IsUnique().HasFilter("\"UnionId\" IS NOT NULL");
        builder.HasIndex(m => m.Phone).IsUnique().HasFilter("\"Phone\" IS NOT NULL");
        // The member list filters (MemberQueryService), each ending in MemberNo so a filtered page comes in number order.
        builder.HasIndex(m => new { m.FirstChannelId, m.MemberNo });
        builder.HasIndex(m => new { m.GrowthLevel, m.MemberNo });
        builder.HasIndex(m => new { m.Status, m.MemberNo });
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class MemberNumberCounterConfiguration : IEntityTypeConfiguration<MemberNumberCounter>
{
    public void Configure(EntityTypeBuilder<MemberNumberCounter> builder)
    {
        builder.ToTable("MemberNumberCounters");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new MemberNumberCounter { Id = MemberNumberCounter.SingletonId, LastIssued = Member.FirstMemberNo - 1 });
    }
}

internal sealed class TagGroupConfiguration : IEntityTypeConfiguration<TagGroup>
{
    public void Configure(EntityTypeBuilder<TagGroup> builder)
    {
        builder.ToTable("TagGroups");
        builder.Property(g => g.Name).HasMaxLength(TagGroup.NameMax).IsRequired();
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.AutoKey).HasMaxLength(TagGroup.AutoKeyMax);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => g.Name).IsUnique();
        builder.HasIndex(g => g.AutoKey).IsUnique().HasFilter("\"AutoKey\" IS NOT NULL");
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("Tags");
        builder.Property(t => t.Name).HasMaxLength(Tag.NameMax).IsRequired();
        builder.Property(t => t.Colour).HasMaxLength(7).IsRequired();
        builder.Property(t => t.AutoKey).HasMaxLength(Tag.AutoKeyMax);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.TagGroup).WithMany(g => g.Tags).HasForeignKey(t => t.TagGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.TagGroupId, t.Name }).IsUnique();
        builder.HasIndex(t => t.AutoKey).IsUnique().HasFilter("\"AutoKey\" IS NOT NULL");
    }
}

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> builder)
    {
        builder.ToTable("MemberTags");
        builder.HasKey(t => new { t.MemberId, t.TagId });
        builder.Property(t => t.AddedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(t => t.AddedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
        // Tag filters start from the tag: "who has tag T" reads one index range.
        builder.HasIndex(t => new { t.TagId, t.MemberId });
    }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.ToTable("ServiceRecords");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Text).HasMaxLength(ServiceRecord.TextMax).IsRequired();
        builder.Property(r => r.AuthorId).HasMaxLength(MemberActor.IdMax);
        builder.Property(r => r.AuthorName).HasMaxLength(MemberActor.NameMax);
        builder.Property(r => r.EditedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(r => r.EditedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ServiceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MemberId, r.CreatedAt });
    }
}

internal sealed class ServiceRecordRevisionConfiguration : IEntityTypeConfiguration<ServiceRecordRevision>
{
    public void Configure(EntityTypeBuilder<ServiceRecordRevision> builder)
    {
        builder.ToTable("ServiceRecordRevisions");
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Text).HasMaxLength(ServiceRecord.TextMax).IsRequired();
        builder.Property(v => v.WrittenById).HasMaxLength(MemberActor.IdMax);
        builder.Property(v => v.WrittenByName).HasMaxLength(MemberActor.NameMax);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("GroupMemberships");
        builder.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
        // A group with members is archived, never deleted (Group.CanBeDeleted): Restrict only guards the rule.
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.MemberId, m.JoinedAt });
        // One open stay per member and group; and "who is in group G now" for the list filter and the member count.
        builder.HasIndex(m => new { m.MemberId, m.GroupId }, "IX_GroupMemberships_Open").IsUnique().HasFilter("\"LeftAt\" IS NULL");
        builder.HasIndex(m => new { m.GroupId, m.MemberId }, "IX_GroupMemberships_OpenByGroup").HasFilter("\"LeftAt\" IS NULL");
    }
}

internal sealed class MemberEventConfiguration : IEntityTypeConfiguration<MemberEvent>
{
    public void Configure(EntityTypeBuilder<MemberEvent> builder)
    {
        builder.ToTable("MemberEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ActorId).HasMaxLength(MemberActor.IdMax);
        builder.Property(e => e.ActorName).HasMaxLength(MemberActor.NameMax);
        builder.Property(e => e.Detail).HasMaxLength(MemberEvent.DetailMax);
        builder.Property(e => e.Source).HasMaxLength(MemberEvent.SourceMax);
        builder.Property(e => e.ClientEventId).HasMaxLength(MemberEvent.ClientEventIdMax);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.MemberId, e.At });
        // Re-sending an API event is harmless: its (source, client event id) is already here.
        builder.HasIndex(e => new { e.Source, e.ClientEventId }).IsUnique().HasFilter("\"ClientEventId\" IS NOT NULL");
    }
}
