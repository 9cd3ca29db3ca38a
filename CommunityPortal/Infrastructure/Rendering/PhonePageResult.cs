using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>
/// A public page for phones (a <see cref="PhonePage"/>) as an endpoint's result: the component rendered statically by
/// <see cref="RazorComponentResult{TComponent}"/> (no render mode, so no Blazor script and no circuit), never kept by a
/// cache: a scan is a fresh decision and a counted fact, a receipt is personal, a form carries a one-visitor token.
/// </summary>
public static class PhonePageResult
{
    public static IResult For<TComponent>(object parameters, int status = StatusCodes.Status200OK) where TComponent : IComponent =>
        new NoStore(new RazorComponentResult<TComponent>(parameters) { StatusCode = status }, CultureInfo.CurrentCulture,
            CultureInfo.CurrentUICulture);

    /// <summary>
    /// Renders in the culture the endpoint chose (PhonePageCulture): the result runs after the endpoint's async method has
    /// returned, and a culture set inside an async method does not flow back out of it.
    /// </summary>
    private sealed class NoStore(RazorComponentResult page, CultureInfo culture, CultureInfo uiCulture) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.CacheControl = "no-store";
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return page.ExecuteAsync(http);
        }
    }
}
