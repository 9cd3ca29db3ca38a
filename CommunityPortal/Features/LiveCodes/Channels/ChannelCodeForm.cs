
namespace CommunityPortal.Features.LiveCodes.Channels;

/// <summary>
/// The add-channel-code form: an existing channel, or a new one made inline. Property names match the services'
/// field keys so their errors land under the right inputs.
/// </summary>
public sealed class ChannelCodeForm
{
    public bool CreateChannel { get; set; }

    public int? ChannelId { get; set; }

    public string Name { get; set; } = "";

    public ChannelType Type { get; set; } = ChannelType.Other;

    public decimal? Cost { get; set; }

    public ChannelInput ToChannelInput() => new() { Name = Name, Type = Type, Cost = Cost };
}
