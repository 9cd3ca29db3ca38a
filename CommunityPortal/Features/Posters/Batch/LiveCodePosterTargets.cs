using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Posters.Batch;

/// <summary>The codes of one live code a batch of posters can carry: the code itself, then its channel codes by channel name.</summary>
public sealed class LiveCodePosterTargets(LiveCodeService liveCodes, ChannelService channels, IStringLocalizer<BatchText> text)
{
    public const string LiveCodeKey = "-";

    /// <summary>Throws NotFoundException for an unknown live code.</summary>
    public async Task<PosterBatchSource> LoadAsync(int liveCodeId, string baseUri, CancellationToken ct = default)
    {
        var code = await liveCodes.GetAsync(liveCodeId, ct);
        var targets = new List<PosterBatchTarget>
        {
            new(LiveCodeKey, text["Target.LiveCode"], LiveCodeLabels.ScanUrl(baseUri, code.Slug), text["Caption.LiveCode", code.Name]),
        };
        foreach (var channelCode in await channels.ListCodesAsync(liveCodeId, ct))
        {
            targets.Add(new PosterBatchTarget(channelCode.Key, channelCode.ChannelName, LiveCodeLabels.ScanUrl(baseUri, code.Slug, channelCode.Key),
                text["Caption.Channel", code.Name, channelCode.ChannelName]));
        }
        return new PosterBatchSource(code.Id, code.Name, code.Slug, targets);
    }
}
