using AngleSharp.Dom;
using Bunit;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>Checks on rendered form fields that hold whatever component library draws them.</summary>
internal static class RenderedFields
{
    /// <summary>
    /// Every input, select and textarea has an accessible name: a label for it, a label around it, aria-label, or
    /// aria-labelledby naming an element with text.
    /// </summary>
    public static void AssertEveryFieldIsNamed<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent
    {
        foreach (var input in cut.FindAll("input, select, textarea"))
        {
            var named = (input.Id is { Length: > 0 } id && cut.FindAll($"label[for='{id}']").Any(l => l.TextContent.Trim().Length > 0))
                || input.Closest("label") is { } around && around.TextContent.Trim().Length > 0
                || input.GetAttribute("aria-label") is { Length: > 0 }
                || (input.GetAttribute("aria-labelledby") is { Length: > 0 } labelledBy
                    && labelledBy.Split(' ').All(l => cut.FindAll($"[id='{l}']").Any(e => e.TextContent.Trim().Length > 0)));
            Assert.True(named, $"no label for {input.OuterHtml}");
        }
    }
}
