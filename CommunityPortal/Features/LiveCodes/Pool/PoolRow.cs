using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Features.LiveCodes.Pool;

/// <summary>A pool entry with what the editor shows about its group (null when the group has vanished).</summary>
public sealed record PoolRow(PoolEntryDto Entry, GroupDto? Group, GroupQrDto? Qr)
{
    public bool QrMissing => Qr is null;

    public bool QrExpired(DateTime utcNow) => Qr is { } qr && qr.IsExpired(utcNow);

    public static async Task<IReadOnlyList<PoolRow>> LoadAsync(LiveCodeDto code, GroupService groups, GroupQrService qrs)
    {
        var current = await qrs.CurrentByGroupAsync([.. code.Pool.Select(e => e.GroupId)]);
        var rows = new List<PoolRow>();
        foreach (var entry in code.Pool.OrderBy(e => e.Position))
        {
            GroupDto? group = null;
            try
            {
                group = await groups.GetAsync(entry.GroupId);
            }
            catch (NotFoundException)
            {
            }
            rows.Add(new PoolRow(entry, group, current.GetValueOrDefault(entry.GroupId)));
        }
        return rows;
    }
}
