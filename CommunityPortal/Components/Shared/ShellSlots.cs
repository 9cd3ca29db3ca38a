namespace CommunityPortal.Components.Shared;

/// <summary>The places on the app shell's own pages that features fill (<see cref="Slot"/>, docs/adr/030).</summary>
public static class ShellSlots
{
    /// <summary>Cards on the home page, above the matrix figures; no parameters.</summary>
    public const string HomeWidgets = "home.widgets";
}
