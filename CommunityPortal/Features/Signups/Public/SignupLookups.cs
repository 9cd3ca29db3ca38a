using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Features.Signups.Public;

/// <summary>A member as a sign-up finds them.</summary>
internal sealed record FoundMember(int Id, int MemberNo, MemberStatus Status, string Nickname, string? RemarkName, string? Phone);

/// <summary>The channel code behind a ?c= key.</summary>
internal sealed record ChannelRef(string Key, int ChannelId, int LiveCodeId);

/// <summary>The reads of a sign-up's transaction: who signs up, through which channel code, and the receipt shown after.</summary>
internal static class SignupLookups
{
    /// <summary>Who is signing up: by MemberNo, else the trusted UnionID, else the phone, else the page's remembered member.</summary>
    public static async Task<FoundMember?> FindMemberAsync(PortalDbContext db, int? memberNo, string? unionId, string? phone, int? rememberedId,
        CancellationToken ct)
    {
        var all = db.Set<Member>().AsNoTracking();
        IQueryable<Member>?[] ways = memberNo is { } no
            ? [all.Where(m => m.MemberNo == no)]
            :
            [
                unionId is { } union ? all.Where(m => m.UnionId == union) : null,
                phone is { } number ? all.Where(m => m.Phone == number) : null,
                rememberedId is { } remembered ? all.Where(m => m.Id == remembered) : null,
            ];
        foreach (var way in ways.OfType<IQueryable<Member>>())
        {
            if (await way.Select(m => new FoundMember(m.Id, m.MemberNo, m.Status, m.Nickname, m.RemarkName, m.Phone)).FirstOrDefaultAsync(ct) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The channel code behind a ?c= key; an unknown key is ignored (the sign-up is kept, without a channel).</summary>
    public static async Task<ChannelRef?> ChannelAsync(PortalDbContext db, string? key, CancellationToken ct) =>
        key is null || key.Length > ChannelCode.KeyLength ? null
        : await db.Set<ChannelCode>().AsNoTracking().Where(c => c.Key == key)
            .Select(c => new ChannelRef(c.Key, c.ChannelId, c.LiveCodeId)).FirstOrDefaultAsync(ct);

    public static async Task<SignupReceipt?> ReceiptAsync(PortalDbContext db, int activityId, int memberId, int? liveCodeId,
        ChannelRef? channel, bool newMember, CancellationToken ct)
    {
        var signup = await db.Set<ActivitySignup>().AsNoTracking().Where(s => s.ActivityId == activityId && s.MemberId == memberId)
            .Select(s => new
            {
                s.Id, s.Name, s.CreatedAt, s.ChannelKey,
                MemberNo = db.Set<Member>().Where(m => m.Id == s.MemberId).Select(m => m.MemberNo).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (signup is null)
        {
            return null;
        }
        var liveCodeSlug = liveCodeId is null ? null
            : await db.Set<LiveCode>().AsNoTracking().Where(l => l.Id == liveCodeId).Select(l => l.Slug).FirstOrDefaultAsync(ct);
        // The live code's scans count for the channel the person came from, when the key is one of that live code's.
        var key = channel is not null && channel.LiveCodeId == liveCodeId ? channel.Key : null;
        return new SignupReceipt(signup.Id, activityId, memberId, signup.MemberNo, signup.Name, signup.CreatedAt, newMember, liveCodeSlug, key);
    }
}
