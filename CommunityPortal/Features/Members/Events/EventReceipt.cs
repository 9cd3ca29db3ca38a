using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityPortal.Features.Members.Events;

/// <summary>
/// That an events-API item was applied: its sender (<see cref="Source"/>, "apikey:N") and its client event id, so a
/// re-sent item is recognised and nothing is written twice. Kept for the items whose effect has no client event id
/// of its own — group joins and leaves (rows in GroupMemberships), and items that changed nothing (already in the
/// group, already signed up). Activity, purchase and sign-up items carry the id on their MemberEvent row instead,
/// whose unique (Source, ClientEventId) index does the same job. Append-only; no foreign keys (a receipt outlives its member).
/// </summary>
public sealed class EventReceipt
{
    public long Id { get; set; }

    public string Source { get; set; } = "";

    public string ClientEventId { get; set; } = "";

    public MemberEventType Type { get; set; }

    public int MemberId { get; set; }

    /// <summary>When the portal applied the item (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
}

/// <summary>The kinds of fact the events API takes (the wire names are camelCase: joinedGroup, leftGroup, …).</summary>
public enum MemberEventType
{
    JoinedGroup = 0,
    LeftGroup = 1,
    Active = 2,
    SignedUp = 3,
    Purchased = 4,
}

internal sealed class EventReceiptConfiguration : IEntityTypeConfiguration<EventReceipt>
{
    public void Configure(EntityTypeBuilder<EventReceipt> builder)
    {
        builder.ToTable("EventReceipts");
        builder.Property(r => r.Source).HasMaxLength(MemberEvent.SourceMax).IsRequired();
        builder.Property(r => r.ClientEventId).HasMaxLength(MemberEvent.ClientEventIdMax).IsRequired();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.Source, r.ClientEventId }).IsUnique();
    }
}
