using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Fallback;
namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>
/// The scan page's HTML: one small server-rendered document with inline CSS and no script, so WeChat's in-app
/// browser shows it at once and a long-press on the image recognises the QR.
/// </summary>
internal sealed class ScanPage(IStringLocalizer<LiveCodeText> text, HtmlEncoder encoder)
{
    private const int MaxCachedPages = 2_000;

    // Every person routed to one group sees the same bytes: pages are kept per (settings, group, kind, culture).
    // Settings and group displays are replaced, never changed, on reload, so a stale page is simply never asked for
    // again; the cache is emptied when it grows past its bound.
    private readonly ConcurrentDictionary<(object? Settings, object? Group, string Kind, string Culture), byte[]> _pages = new();

    public byte[] Cached(object? settings, object? group, string kind, Func<string> render)
    {
        var key = (settings, group, kind, CultureInfo.CurrentUICulture.Name);
        if (_pages.TryGetValue(key, out var page))
        {
            return page;
        }
        if (_pages.Count >= MaxCachedPages)
        {
            _pages.Clear();
        }
        return _pages[key] = Encoding.UTF8.GetBytes(render());
    }

    private const string Style =
        "body{margin:0;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;"
        + "background:#f4f5f7;color:#1f2329}main{max-width:420px;margin:0 auto;padding:28px 20px;text-align:center}"
        + "h1{font-size:22px;margin:8px 0 16px}.card{background:#fff;border-radius:14px;padding:22px 18px;"
        + "box-shadow:0 2px 10px rgba(0,0,0,.06)}img{width:240px;height:240px;max-width:80vw;max-height:80vw;"
        + "object-fit:contain}.qr{image-rendering:pixelated}.hint{font-size:16px;font-weight:600;color:#07c160;margin:14px 0 6px}"
        + ".group{font-size:15px;color:#646a73}.text{white-space:pre-line;line-height:1.6;margin-top:18px;"
        + "text-align:left;font-size:15px}.muted{color:#8f959e}";

    public string Group(string? title, string groupName, string imageSrc, string? landingText) =>
        Document(title ?? text["Page.DefaultTitle"], body =>
        {
            body.Append("<div class=\"card\"><img class=\"qr\" src=\"").Append(Src(imageSrc)).Append("\" alt=\"")
                .Append(encoder.Encode(text["Page.QrAlt"])).Append("\"><p class=\"hint\">")
                .Append(encoder.Encode(text["Page.LongPress"])).Append("</p><p class=\"group\">")
                .Append(encoder.Encode(groupName)).Append("</p></div>");
            Paragraph(body, landingText);
        });

    /// <summary>No group has room: the fallback's own title, whatever the landing title says.</summary>
    public string Fallback(string? message, string? staffImageSrc) =>
        Document(text["Page.FallbackTitle"], body =>
        {
            body.Append("<div class=\"card\">");
            if (staffImageSrc is not null)
            {
                body.Append("<img src=\"").Append(Src(staffImageSrc)).Append("\" alt=\"")
                    .Append(encoder.Encode(text["Page.StaffQrAlt"])).Append("\"><p class=\"hint\">")
                    .Append(encoder.Encode(text["Page.StaffLongPress"])).Append("</p>");
            }
            body.Append("<p class=\"text\">").Append(encoder.Encode(message ?? text["Page.FallbackText"])).Append("</p></div>");
        });

    /// <summary>For link previews: the title and text, never a group.</summary>
    public string Preview(string? title, string? landingText) =>
        Document(title ?? text["Page.DefaultTitle"], body => Paragraph(body, landingText));

    public string Notice(string titleKey, string textKey) =>
        Document(text[titleKey], body => body.Append("<div class=\"card\"><p class=\"muted\">")
            .Append(encoder.Encode(text[textKey])).Append("</p></div>"));

    /// <summary>A data URI is base64 and needs no encoding (and is kilobytes long); a URL is encoded.</summary>
    private string Src(string src) => src.StartsWith("data:image/", StringComparison.Ordinal) ? src : encoder.Encode(src);

    private void Paragraph(StringBuilder body, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body.Append("<p class=\"text\">").Append(encoder.Encode(value)).Append("</p>");
        }
    }

    private string Document(string title, Action<StringBuilder> writeBody)
    {
        var html = new StringBuilder(1024);
        html.Append("<!DOCTYPE html><html lang=\"").Append(encoder.Encode(CultureInfo.CurrentUICulture.Name))
            .Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(encoder.Encode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><main><h1>")
            .Append(encoder.Encode(title)).Append("</h1>");
        writeBody(html);
        html.Append("</main></body></html>");
        return html.ToString();
    }
}
