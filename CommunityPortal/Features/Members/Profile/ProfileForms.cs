
namespace CommunityPortal.Features.Members.Profile;

/// <summary>Form models of the profile's dialogs. Property names match the services' field names, so their errors land under the inputs.</summary>
public static class ProfileForms
{
    /// <summary>The member as the edit form starts from it (the full phone: only the profile has it).</summary>
    public static MemberInput ToInput(MemberHeader member) => new()
    {
        Nickname = member.Nickname,
        RemarkName = member.RemarkName,
        Phone = member.Phone,
        UnionId = member.UnionId,
        Gender = member.Gender,
        Region = member.Region,
        FirstChannelId = member.FirstChannelId,
        GrowthLevel = member.GrowthLevel,
    };
}

public sealed class BlacklistForm
{
    public string? BlacklistReason { get; set; }
}

public sealed class LiftForm
{
    public string? LiftNote { get; set; }
}

public sealed class JoinForm
{
    /// <summary>The open group picked (with the text the picker shows for it).</summary>
    public CommunityPortal.Features.Matrix.Option<int>? GroupId { get; set; }
}
