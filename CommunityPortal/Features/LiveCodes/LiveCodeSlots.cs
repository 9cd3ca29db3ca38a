namespace CommunityPortal.Features.LiveCodes;

/// <summary>The places on the live-code pages that other features fill (Components/Shared/Slot).</summary>
public static class LiveCodeSlots
{
    /// <summary>Actions in the channel codes panel's header; parameter LiveCodeId (int).</summary>
    public const string ChannelCodesActions = "livecodes.channel-codes-actions";
}
