using CommunityPortal.Infrastructure.Time;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

using CommunityPortal.Features.LiveCodes.Alerts;
namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>Whether a live code is taking scans now, as the list and details show it.</summary>
public enum LiveCodeState
{
    Active,
    Paused,
    NotStarted,
    Ended,
}

/// <summary>Localized labels and the state rule for the live-code admin pages.</summary>
public static class LiveCodeLabels
{
    public static LiveCodeState StateOf(bool isPaused, DateTime? validFrom, DateTime? validUntil, DateTime utcNow) =>
        isPaused ? LiveCodeState.Paused
        : validUntil is { } until && until <= utcNow ? LiveCodeState.Ended
        : validFrom is { } from && from > utcNow ? LiveCodeState.NotStarted
        : LiveCodeState.Active;

    public static string Label(this IStringLocalizer<LiveCodeText> text, RotationMode mode) => text[$"Admin.Mode.{mode}"];

    public static string Label(this IStringLocalizer<LiveCodeText> text, ChannelType type) => text[$"Admin.ChannelType.{type}"];

    public static string Label(this IStringLocalizer<LiveCodeText> text, LiveCodeState state) => text[$"Admin.State.{state}"];

    public static Color Color(LiveCodeState state) => state switch
    {
        LiveCodeState.Active => MudBlazor.Color.Success,
        LiveCodeState.Paused => MudBlazor.Color.Warning,
        LiveCodeState.NotStarted => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>A window bound as stored, in the reader's culture, or a dash.</summary>
    public static string Date(DateTime? utc) => utc is { } d ? PortalTime.ToLocal(d).ToString("g", CultureInfo.CurrentCulture) : "—";

    public static string Window(this IStringLocalizer<LiveCodeText> text, DateTime? from, DateTime? until) =>
        from is null && until is null ? text["Admin.Window.Always"] : $"{Date(from)} – {Date(until)}";

    /// <summary>The public scan URL of a code, or of one of its channel codes.</summary>
    public static string ScanUrl(string baseUri, string slug, string? channelKey = null) =>
        $"{baseUri.TrimEnd('/')}/q/{Uri.EscapeDataString(slug)}{(channelKey is null ? "" : $"?c={Uri.EscapeDataString(channelKey)}")}";

    public static string QrPng(string url) => $"render/qr.png?url={Uri.EscapeDataString(url)}&size=512";

    public static string QrSvg(string url) => $"render/qr.svg?url={Uri.EscapeDataString(url)}";

    public static string Poster(string url) => $"posters?url={Uri.EscapeDataString(url)}";
}
