using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CommunityPortal.Infrastructure.Time;
using Microsoft.Extensions.Localization;

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
/// The public sign-up page's HTML: one small server-rendered document with inline CSS and no script (like the scan page,
/// docs/adr/011), so WeChat's in-app browser shows it at once, Enter submits, and a long-press on the QR recognises it.
/// </summary>
public sealed class SignupPage(IStringLocalizer<SignupText> text, HtmlEncoder encoder)
{
    public const string NameField = "name";
    public const string PhoneField = "phone";
    public const string ChannelField = "c";
    public const string UnionIdField = "unionid";

    public static string QuestionField(string key) => "q_" + key;

    private const string Style =
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

    public string Form(SignupFormDto form, SignupFormState state, string tokenName, string tokenValue, bool preview) =>
        Document(form.Title, body =>
        {
            if (preview)
            {
                body.Append("<p class=\"note\" data-preview>").Append(Encode(text["Page.PreviewNote"])).Append("</p>");
            }
            Paragraph(body, "intro", form.Intro);
            body.Append("<form class=\"card\" method=\"post\" action=\"/s/").Append(Encode(form.Slug)).Append("\" novalidate>");
            if (state.Errors.Count > 0)
            {
                body.Append("<p class=\"alert\" role=\"alert\">").Append(Encode(text["Page.FixErrors"])).Append("</p>");
                foreach (var message in state.Errors.Where(e => !IsField(form, e.Key)).SelectMany(e => e.Value))
                {
                    body.Append("<p class=\"msg\">").Append(Encode(message)).Append("</p>");
                }
            }
            Hidden(body, tokenName, tokenValue);
            Hidden(body, ChannelField, state.ChannelKey);
            Hidden(body, UnionIdField, state.UnionIdToken);
            Input(body, NameField, "text", text["Page.Name"], true, state, "name", ActivitySignup.NameMax, "Name");
            if (form.AskPhone != AskPhone.Off)
            {
                Input(body, PhoneField, "tel", text["Page.Phone"], form.AskPhone == AskPhone.Required, state, "tel", 20, "Phone");
            }
            foreach (var question in form.Questions)
            {
                var field = QuestionField(question.Key);
                if (question.Kind == QuestionKind.Choice)
                {
                    Choice(body, field, question, state);
                }
                else
                {
                    Input(body, field, "text", question.Label, question.Required, state, "off", SignupQuestion.AnswerMax,
                        SignupQuestions.AnswerField(question.Key));
                }
            }
            body.Append("<button type=\"submit\"").Append(preview ? " disabled" : "").Append('>').Append(Encode(text["Page.Submit"]))
                .Append("</button></form>");
        });

    /// <summary>
    /// After signing up, or when coming back: the MemberNo, when, and the group the activity's live code routed this person
    /// to, as that group's own QR (ADR 028); or the live code's fallback when no group has room.
    /// </summary>
    public string Receipt(SignupFormDto form, SignupReceipt receipt, bool existing, ReceiptGroup? group) =>
        Document(existing ? text["Page.ExistingTitle"] : text["Page.DoneTitle"], body =>
        {
            body.Append("<div class=\"card center\" data-receipt><p>").Append(Encode(form.Title)).Append("</p><p class=\"no\">")
                .Append(Encode(text["Page.MemberNo"])).Append(" <b data-member-no>")
                .Append(receipt.MemberNo.ToString(CultureInfo.InvariantCulture)).Append("</b></p><p class=\"muted\">")
                .Append(Encode(text[existing ? "Page.ExistingAt" : "Page.DoneAt", LocalTime(receipt.At)])).Append("</p></div>");
            switch (group)
            {
                case { Kind: ReceiptGroupKind.Group }:
                    body.Append("<div class=\"card center\" data-group>");
                    Image(body, group.ImageSource!, "qr drawn", text["Page.QrAlt"], text["Page.LongPress"]);
                    Paragraph(body, "group", group.Name);
                    body.Append("</div>");
                    break;
                case { Kind: ReceiptGroupKind.Fallback }:
                    body.Append("<div class=\"card center\" data-fallback>");
                    if (group.ImageSource is { } staff)
                    {
                        Image(body, staff, "qr", text["Page.StaffQrAlt"], text["Page.StaffLongPress"]);
                    }
                    Paragraph(body, "text", group.Message ?? text["Page.GroupsFull"]);
                    body.Append("</div>");
                    break;
                case { Kind: ReceiptGroupKind.NotStored }:
                    body.Append("<div class=\"card center\" data-later><p class=\"muted\">").Append(Encode(text["Page.GroupLater"]))
                        .Append("</p><a class=\"btn\" href=\"").Append(Encode(group.LiveCodeUrl!)).Append("\">")
                        .Append(Encode(text["Page.OpenLiveCode"])).Append("</a></div>");
                    break;
                default:
                    body.Append("<p class=\"muted center\">").Append(Encode(text["Page.NoLiveCode"])).Append("</p>");
                    break;
            }
        });

    public string Notice(string title, string message) =>
        Document(title, body => body.Append("<div class=\"card center\" data-notice><p>").Append(Encode(message)).Append("</p></div>"));

    public static string LocalTime(DateTime utc) => PortalTime.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    /// <summary>An image to long-press (a data URI as it is; a URL encoded) and what to do with it.</summary>
    private void Image(StringBuilder body, string source, string cssClass, string alt, string hint) =>
        body.Append("<img class=\"").Append(cssClass).Append("\" src=\"").Append(source.StartsWith("data:image/", StringComparison.Ordinal) ? source : Encode(source))
            .Append("\" alt=\"").Append(Encode(alt)).Append("\"><p class=\"hint\">").Append(Encode(hint)).Append("</p>");

    private static bool IsField(SignupFormDto form, string key) =>
        key is "Name" or "Phone" || form.Questions.Any(q => SignupQuestions.AnswerField(q.Key) == key);

    private void Input(StringBuilder body, string field, string type, string label, bool required, SignupFormState state,
        string autocomplete, int maxLength, string errorKey)
    {
        var id = "f-" + field;
        var errors = state.Errors.GetValueOrDefault(errorKey) ?? [];
        body.Append("<div class=\"field").Append(errors.Length > 0 ? " bad" : "").Append("\"><label for=\"").Append(id).Append("\">")
            .Append(Encode(label)).Append(required ? " <span class=\"req\">*</span>" : "").Append("</label><input type=\"").Append(type)
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(field)).Append("\" value=\"")
            .Append(Encode(state.Values.GetValueOrDefault(field) ?? "")).Append("\" autocomplete=\"").Append(autocomplete)
            .Append("\" maxlength=\"").Append(maxLength.ToString(CultureInfo.InvariantCulture)).Append('"');
        if (type == "tel")
        {
            body.Append(" inputmode=\"tel\"");
        }
        Messages(body, id, errors);
        body.Append("</div>");
    }

    private void Choice(StringBuilder body, string field, SignupQuestion question, SignupFormState state)
    {
        var id = "f-" + field;
        var errors = state.Errors.GetValueOrDefault(SignupQuestions.AnswerField(question.Key)) ?? [];
        var chosen = state.Values.GetValueOrDefault(field);
        body.Append("<fieldset id=\"").Append(id).Append('"').Append(errors.Length > 0 ? " class=\"bad\"" : "").Append("><legend>")
            .Append(Encode(question.Label)).Append(question.Required ? " <span class=\"req\">*</span>" : "").Append("</legend>");
        for (var i = 0; i < question.Options.Count; i++)
        {
            var option = question.Options[i];
            body.Append("<label class=\"opt\"><input type=\"radio\" name=\"").Append(Encode(field)).Append("\" value=\"").Append(Encode(option))
                .Append('"').Append(option == chosen ? " checked" : "").Append('>').Append(Encode(option)).Append("</label>");
        }
        foreach (var message in errors)
        {
            body.Append("<p class=\"msg\">").Append(Encode(message)).Append("</p>");
        }
        body.Append("</fieldset>");
    }

    /// <summary>Closes the input tag: marked invalid and described by its messages when it has any.</summary>
    private void Messages(StringBuilder body, string id, string[] errors)
    {
        if (errors.Length == 0)
        {
            body.Append('>');
            return;
        }
        body.Append(" aria-invalid=\"true\" aria-describedby=\"").Append(id).Append("-msg\"><p class=\"msg\" id=\"").Append(id).Append("-msg\">");
        body.Append(Encode(string.Join(" ", errors))).Append("</p>");
    }

    private void Hidden(StringBuilder body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">");
        }
    }

    private void Paragraph(StringBuilder body, string cssClass, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body.Append("<p class=\"").Append(cssClass).Append("\">").Append(Encode(value)).Append("</p>");
        }
    }

    private string Encode(string value) => encoder.Encode(value);

    private string Document(string title, Action<StringBuilder> writeBody)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"").Append(Encode(CultureInfo.CurrentUICulture.Name))
            .Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(Encode(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><main><h1>").Append(Encode(title)).Append("</h1>");
        writeBody(html);
        html.Append("</main></body></html>");
        return html.ToString();
    }
}
