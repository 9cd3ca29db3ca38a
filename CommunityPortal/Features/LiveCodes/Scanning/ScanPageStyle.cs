namespace CommunityPortal.Features.LiveCodes.Scanning;

/// <summary>The scan pages' CSS, inline in each page: one small document, nothing else to fetch on a phone.</summary>
internal static class ScanPageStyle
{
    public const string Css =
        "body{margin:0;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;"
        + "background:#f4f5f7;color:#1f2329}main{max-width:420px;margin:0 auto;padding:28px 20px;text-align:center}"
        + "h1{font-size:22px;margin:8px 0 16px}.card{background:#fff;border-radius:14px;padding:22px 18px;"
        + "box-shadow:0 2px 10px rgba(0,0,0,.06)}img{width:240px;height:240px;max-width:80vw;max-height:80vw;"
        + "object-fit:contain}.qr{image-rendering:pixelated}.hint{font-size:16px;font-weight:600;color:#07c160;margin:14px 0 6px}"
        + ".group{font-size:15px;color:#646a73}.text{white-space:pre-line;line-height:1.6;margin-top:18px;"
        + "text-align:left;font-size:15px}.muted{color:#8f959e}";
}
