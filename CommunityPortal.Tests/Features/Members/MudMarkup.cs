using AngleSharp.Dom;
using Bunit;

namespace CommunityPortal.Tests.Features.Members;

/// <summary>Reading MudBlazor markup the way a person (or a screen reader) does: by input id and ARIA, not by the library's classes.</summary>
public static class MudMarkup
{
    /// <summary>The message line of an input (the elements its aria-describedby names): its error, or else its hint.</summary>
    public static string FieldMessage<T>(this IRenderedComponent<T> cut, string inputId) where T : Microsoft.AspNetCore.Components.IComponent =>
        FieldMessage(cut.Find($"#{inputId}"), cut.FindAll("[id]"));

    /// <summary>Inputs marked invalid (aria-invalid="true").</summary>
    public static IReadOnlyList<IElement> InvalidInputs<T>(this IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("[aria-invalid=true]");

    private static string FieldMessage(IElement input, IEnumerable<IElement> withIds)
    {
        var ids = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" ", withIds.Where(e => ids.Contains(e.Id)).Select(e => e.TextContent.Trim()));
    }
}
