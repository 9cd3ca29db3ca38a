using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CommunityPortal.Features.LiveCodes.Routing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PageKey = (object Source, CommunityPortal.Features.LiveCodes.Routing.GroupDisplay? Group, System.Type Page, string Culture);

namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// The scan page as a response: one of the scan page components (ScanGroupPage, ScanFallbackPage, ScanPreviewPage,
/// ScanNoticePage) rendered statically once, then served as the same bytes. Every person routed to one group sees the
/// same page; rendering it per request through RazorComponentResult (a renderer with navigation, authentication and
/// persisted-state set-up each time) cost a third of the scan throughput in bench/scan-bench.sh.
/// </summary>
internal sealed class ScanPage(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private const int MaxCachedPages = 2_000;

    // Pages are kept per (settings or notice, group, component, culture). Settings and group displays are replaced, never
    // changed, on reload, so a stale page is simply never asked for again; the cache is emptied when it grows past its bound.
    private readonly ConcurrentDictionary<PageKey, byte[]> _pages = new();

    /// <summary>A page showing the live code's settings (and the group it routed to, for ScanGroupPage).</summary>
    public ValueTask<IResult> ResultAsync<TComponent>(LiveCodeSettings settings, GroupDisplay? group = null) where TComponent : IComponent
    {
        var key = Key<TComponent>(settings, group);
        return _pages.TryGetValue(key, out var page)
            ? new(new PageResult(page, StatusCodes.Status200OK))
            : RenderAndKeepAsync<TComponent>(key, StatusCodes.Status200OK, group is null
                ? new() { [nameof(ScanGroupPage.Settings)] = settings }
                : new() { [nameof(ScanGroupPage.Settings)] = settings, [nameof(ScanGroupPage.Group)] = group });
    }

    /// <summary>The page when no group can be shown (ScanNoticePage): its title and text are resource keys.</summary>
    public ValueTask<IResult> NoticeAsync(string titleKey, string textKey, int status = StatusCodes.Status200OK)
    {
        var key = Key<ScanNoticePage>(titleKey, null);
        return _pages.TryGetValue(key, out var page)
            ? new(new PageResult(page, status))
            : RenderAndKeepAsync<ScanNoticePage>(key, status,
                new() { [nameof(ScanNoticePage.TitleKey)] = titleKey, [nameof(ScanNoticePage.TextKey)] = textKey });
    }

    // A cached page costs a lookup and a small result: the parameters are built only to render.
    private static PageKey Key<TComponent>(object source, GroupDisplay? group) =>
        (source, group, typeof(TComponent), CultureInfo.CurrentUICulture.Name);

    private async ValueTask<IResult> RenderAndKeepAsync<TComponent>(PageKey key, int status, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var page = await RenderAsync<TComponent>(parameters);
        if (_pages.Count >= MaxCachedPages)
        {
            _pages.Clear();
        }
        _pages[key] = page;
        return new PageResult(page, status);
    }

    /// <summary>A renderer (and scope) of its own per render: a renderer keeps every component it rendered until disposed.</summary>
    private async Task<byte[]> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return Encoding.UTF8.GetBytes(html);
    }

    private sealed class PageResult(byte[] html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            // Every scan is a fresh decision and a counted fact: never served from a cache.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentLength = html.Length;
            return http.Response.Body.WriteAsync(html).AsTask();
        }
    }
}
