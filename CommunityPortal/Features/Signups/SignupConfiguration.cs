using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Signups;

internal sealed class SignupFormConfiguration : IEntityTypeConfiguration<SignupForm>
{
    public void Configure(EntityTypeBuilder<SignupForm> builder)
    {
        builder.ToTable("SignupForms");
        builder.Property(f => f.Slug).HasMaxLength(SignupForm.SlugMax).IsRequired();
        builder.Property(f => f.Title).HasMaxLength(SignupForm.TitleMax).IsRequired();
        builder.Property(f => f.Intro).HasMaxLength(SignupForm.IntroMax);
        builder.Property(f => f.AskPhone).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Questions).IsRequired();
        builder.Property(f => f.Version).IsConcurrencyToken();
        // The form is part of its activity's set-up; an activity with sign-ups cannot be deleted (ActivitySignup: Restrict).
        builder.HasOne<Activity>().WithMany().HasForeignKey(f => f.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LiveCode>().WithMany().HasForeignKey(f => f.LiveCodeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => f.ActivityId).IsUnique();
        builder.HasIndex(f => f.Slug).IsUnique();
    }
}

internal sealed class ActivitySignupConfiguration : IEntityTypeConfiguration<ActivitySignup>
{
    public void Configure(EntityTypeBuilder<ActivitySignup> builder)
    {
        builder.ToTable("ActivitySignups");
        builder.Property(s => s.Name).HasMaxLength(ActivitySignup.NameMax).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(MemberRules.PhoneLength);
        builder.Property(s => s.Answers).IsRequired();
        builder.Property(s => s.ChannelKey).HasMaxLength(ChannelCode.KeyLength);
        builder.Property(s => s.CreatedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(s => s.CreatedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(s => s.CheckedInById).HasMaxLength(MemberActor.IdMax);
        builder.Property(s => s.CheckedInByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(s => s.CompletedById).HasMaxLength(MemberActor.IdMax);
        builder.Property(s => s.CompletedByName).HasMaxLength(MemberActor.NameMax);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // Sign-ups are facts: an activity that has them is archived, not deleted. A deleted member takes theirs along
        // (MemberService.DeleteAsync removes everything on the timeline).
        builder.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.SetNull);
        // One sign-up per member and activity; also "who signed up for A" (the list, its counts, the member filter).
        builder.HasIndex(s => new { s.ActivityId, s.MemberId }).IsUnique();
        // The member's timeline, and the member list's per-member probe.
        builder.HasIndex(s => new { s.MemberId, s.CreatedAt });
        builder.HasIndex(s => s.ChannelId);
    }
}
