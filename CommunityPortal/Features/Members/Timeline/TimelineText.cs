using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;
namespace CommunityPortal.Features.Members.Timeline;

/// <summary>How a timeline entry reads: its icon, its sentence, the text under it, and who did it.</summary>
public sealed class TimelineText(IStringLocalizer<ProfileText> text, IStringLocalizer<MemberText> member)
{
    /// <summary>The entry's MudBlazor icon (Icons.Material.Outlined).</summary>
    public static string Icon(TimelineKind kind) => kind switch
    {
        TimelineKind.Created => Icons.Material.Outlined.PersonAdd,
        TimelineKind.GroupJoined => Icons.Material.Outlined.GroupAdd,
        TimelineKind.GroupLeft => Icons.Material.Outlined.GroupRemove,
        TimelineKind.ServiceRecord => Icons.Material.Outlined.SupportAgent,
        TimelineKind.TagAdded => Icons.Material.Outlined.Sell,
        TimelineKind.TagRemoved => Icons.Material.Outlined.LabelOff,
        TimelineKind.Blacklisted => Icons.Material.Outlined.Block,
        TimelineKind.BlacklistLifted => Icons.Material.Outlined.LockOpen,
        TimelineKind.GrowthChanged => Icons.Material.Outlined.TrendingUp,
        TimelineKind.ScanLinked => Icons.Material.Outlined.QrCodeScanner,
        TimelineKind.Active => Icons.Material.Outlined.Bolt,
        TimelineKind.Purchased => Icons.Material.Outlined.ShoppingCart,
        TimelineKind.SignedUp => Icons.Material.Outlined.HowToReg,
        TimelineKind.CheckedIn => Icons.Material.Outlined.WhereToVote,
        TimelineKind.Completed => Icons.Material.Outlined.TaskAlt,
        _ => Icons.Material.Outlined.Event,
    };

    public string Sentence(TimelineEntry e) => e.Kind switch
    {
        TimelineKind.Created => e.Text is null ? text["Timeline.Created"] : text["Timeline.CreatedFrom", e.Text],
        TimelineKind.GroupJoined => text["Timeline.GroupJoined", GroupName(e), Source(e.Text)],
        TimelineKind.GroupLeft => text["Timeline.GroupLeft", GroupName(e)],
        TimelineKind.ServiceRecord => text["Timeline.ServiceRecord", e.RecordKind is { } kind ? member.Label(kind) : ""],
        TimelineKind.TagAdded => text["Timeline.TagAdded"],
        TimelineKind.TagRemoved => text["Timeline.TagRemoved"],
        TimelineKind.Blacklisted => text["Timeline.Blacklisted"],
        TimelineKind.BlacklistLifted => text["Timeline.BlacklistLifted"],
        TimelineKind.GrowthChanged => Growth(e.Text),
        TimelineKind.ScanLinked => Scan(e),
        TimelineKind.Active => text["Timeline.Active", Activity(e.Text)],
        TimelineKind.Purchased => text["Timeline.Purchased", (e.Amount ?? 0).ToString("N2", CultureInfo.CurrentCulture)],
        TimelineKind.SignedUp => text["Timeline.SignedUp", e.Text ?? ""],
        TimelineKind.CheckedIn => text["Timeline.CheckedIn", e.Text ?? ""],
        TimelineKind.Completed => text["Timeline.Completed", e.Text ?? ""],
        _ => text["Timeline.Other"],
    };

    /// <summary>The words under the sentence: a record's text, a blacklist reason, a lift note; for kinds added later, their text.</summary>
    public static string? Body(TimelineEntry e) => e.Kind switch
    {
        TimelineKind.ServiceRecord or TimelineKind.Blacklisted or TimelineKind.BlacklistLifted => e.Text,
        TimelineKind.Created or TimelineKind.GroupJoined or TimelineKind.GroupLeft or TimelineKind.TagAdded or TimelineKind.TagRemoved
            or TimelineKind.GrowthChanged or TimelineKind.ScanLinked or TimelineKind.Active or TimelineKind.Purchased
            or TimelineKind.SignedUp or TimelineKind.CheckedIn or TimelineKind.Completed => null,
        _ => e.Text,
    };

    /// <summary>
    /// Who did it. Tag, growth and blacklist facts without a person were the portal's own (automatic tags); joins,
    /// scans and the public sign-up page have nobody to name.
    /// </summary>
    public string? Actor(TimelineEntry e) => e.ActorName ?? (e.Kind is TimelineKind.TagAdded or TimelineKind.TagRemoved or TimelineKind.GrowthChanged
        ? member["Actor.System"].Value
        : null);

    /// <summary>"扫描活码「读书会」，进入群“读书会1群”（渠道：公众号）".</summary>
    private string Scan(TimelineEntry e)
    {
        var sentence = e.ScanOutcome switch
        {
            null => text["Timeline.ScanLinked"].Value,
            LiveCodes.ScanOutcome.Assigned => text["Timeline.Scan.Group", e.Text ?? "", GroupName(e)].Value,
            LiveCodes.ScanOutcome.Repeat => text["Timeline.Scan.Repeat", e.Text ?? "", GroupName(e)].Value,
            LiveCodes.ScanOutcome.Fallback => text["Timeline.Scan.Fallback", e.Text ?? ""].Value,
            _ => text["Timeline.Scan.Closed", e.Text ?? ""].Value,
        };
        return e.ChannelName is { } channel ? sentence + text["Timeline.Scan.Channel", channel] : sentence;
    }

    private string GroupName(TimelineEntry e) => e.GroupName ?? text["Timeline.DeletedGroup", e.GroupId ?? 0];

    private string Source(string? source) =>
        Enum.TryParse<MembershipSource>(source, out var parsed) ? member.Label(parsed) : source ?? "";

    /// <summary>"C→A" as "C → A".</summary>
    private string Growth(string? detail)
    {
        var parts = (detail ?? "").Split('→');
        return parts.Length == 2 ? text["Timeline.GrowthChanged", parts[0], parts[1]] : text["Timeline.GrowthChanged", "?", detail ?? ""];
    }

    private string Activity(string? detail) =>
        detail is "message" or "checkin" or "visit" ? text[$"Timeline.Active.{detail}"] : detail ?? "";
}
