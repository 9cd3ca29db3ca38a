using Microsoft.JSInterop;

namespace CommunityPortal.Components.Shared;

/// <summary>
/// Lets every change the browser sent before a Save press reach the form first. Some inputs apply a change only after
/// their own call to the browser (MudSelect closes its list, and only then sets the chosen value), so a save handled
/// meanwhile reads the old value and the choice is lost without a word. The browser answers calls in the order they were
/// made: once one more call comes back, every earlier one has, and the values are in.
/// </summary>
public static class InputSettling
{
    public static async Task SettleAsync(this IJSRuntime js)
    {
        try
        {
            // Any function the browser has serves; Math.max without arguments does nothing.
            await js.InvokeVoidAsync("Math.max");
        }
        catch (JSDisconnectedException)
        {
            // No browser to wait for: the values are what they are.
        }
    }
}
