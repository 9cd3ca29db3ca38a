using System.Globalization;
using CommunityPortal.Infrastructure.Time;

namespace CommunityPortal.Features.Signups.Public;

/// <summary>What the form shows again after a refusal: the values as typed and the messages per field.</summary>
public sealed record SignupFormState(
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string[]> Errors,
    string? ChannelKey,
    string? UnionIdToken)
{
    public static SignupFormState Empty(string? channelKey, string? unionIdToken) =>
        new(new Dictionary<string, string?>(), new Dictionary<string, string[]>(), channelKey, unionIdToken);
}

/// <summary>
/// What the public sign-up page (SignupFormPage, SignupReceiptPage, SignupNoticePage) and its endpoints share: the form's
/// field names, its CSS and how it shows a time. The pages are plain HTML with inline CSS and no script (like the scan
/// page, docs/adr/011), so WeChat's in-app browser shows them at once, Enter submits, and a long-press on the QR
/// recognises it.
/// </summary>
public static class SignupPage
{
    public const string NameField = "name";
    public const string PhoneField = "phone";
    public const string ChannelField = "c";
    public const string UnionIdField = "unionid";

    public static string QuestionField(string key) => "q_" + key;

    public const string Style =
        "*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;"
        + "background:#f4f5f7;color:#1f2329;font-size:16px}main{max-width:480px;margin:0 auto;padding:20px 16px 40px}"
        + "h1{font-size:22px;margin:8px 0 12px;text-align:center}.intro{white-space:pre-line;line-height:1.6;color:#3b3f45}"
        + ".card{background:#fff;border-radius:14px;padding:18px 16px;margin:14px 0;box-shadow:0 2px 10px rgba(0,0,0,.06)}"
        + ".field{margin:0 0 16px}label,legend{display:block;font-weight:600;margin:0 0 6px}.req{color:#e5484d}"
        + "input[type=text],input[type=tel]{width:100%;font-size:17px;padding:11px 12px;border:1px solid #cfd3d8;border-radius:8px;background:#fff}"
        + "input:focus{outline:2px solid #07c160;border-color:#07c160}.bad input[type=text],.bad input[type=tel]{border-color:#e5484d}"
        + "fieldset{border:0;margin:0 0 16px;padding:0}.opt{font-weight:400;display:flex;gap:8px;align-items:center;padding:8px 0}"
        + ".opt input{width:20px;height:20px;margin:0;accent-color:#07c160}.msg{color:#e5484d;font-size:14px;margin:6px 0 0}"
        + ".alert{background:#fff1f0;color:#b42318;border-radius:8px;padding:10px 12px;margin:0 0 14px}"
        + ".note{background:#fff8e6;color:#7a5200;border-radius:8px;padding:10px 12px}"
        + "button,.btn{display:block;width:100%;font-size:17px;font-weight:600;padding:13px;border:0;border-radius:10px;background:#07c160;"
        + "color:#fff;text-align:center;text-decoration:none}button[disabled]{background:#a9dcc0}"
        + ".center{text-align:center}.no{font-size:20px;margin:6px 0}.no b{font-size:30px;letter-spacing:2px;color:#07c160}"
        + ".muted{color:#8f959e;font-size:14px}img.qr{width:240px;height:240px;max-width:80vw;max-height:80vw;object-fit:contain}"
        + "img.drawn{image-rendering:pixelated}.hint{font-size:16px;font-weight:600;color:#07c160;margin:10px 0 6px}.group{color:#646a73;margin:0}"
        + ".text{white-space:pre-line;line-height:1.6;text-align:left}.btn{margin-top:12px}";

    public static string LocalTime(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>Whether a refusal's message belongs beside one field (else it is shown above the form).</summary>
    public static bool IsField(SignupFormDto form, string key) =>
        key is "Name" or "Phone" || form.Questions.Any(q => SignupQuestions.AnswerField(q.Key) == key);
}
