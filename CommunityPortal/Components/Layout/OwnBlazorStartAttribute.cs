namespace CommunityPortal.Components.Layout;

/// <summary>
/// Marks a page that starts Blazor itself: on a full load of it, App.razor loads blazor.web.js with autostart off, then
/// <see cref="Script"/> (a path under wwwroot), which calls <c>Blazor.start</c> with the page's own options, and leaves out
/// the portal's reconnect dialog (the page brings its own way of showing and handling a lost connection). Used by the
/// wall screen, which must reconnect and reload by itself (ADR 040). Every other page starts as before.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OwnBlazorStartAttribute(string script) : Attribute
{
    public string Script { get; } = script;
}
