using CommunityPortal.Features.Visitors;
using CommunityPortal.Infrastructure.Localization;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Signups.Form;
namespace CommunityPortal.Features.Signups.Public;

/// <summary>
/// GET/POST /s/{slug}: the public sign-up page. Plain HTML rendered from static Razor components (PhonePageResult), no
/// Blazor circuit and no script (ADR 011's approach); the form carries an antiforgery token; submissions are limited per
/// address (SignupThrottle).
/// Query: ?c={channel code key} (passed on from a live code URL: the new member's first channel) and
/// ?unionid={token} (a UnionID signed by SignupTokens.ProtectUnionId; a bare UnionID is ignored); ?preview=1 shows the
/// form whatever its window, with the submit button disabled.
/// </summary>
internal static class SignupEndpoints
{
    private const int MaxFormBytes = 32 * 1024;

    public static void MapSignupEndpoints(this IEndpointRouteBuilder app)
    {
        // Like /q: straight after routing (no sign-in, first-run redirect or status-code pages for a public page); the
        // culture comes from the portal's cookie (PhonePageCulture) and antiforgery is checked here, not by the middleware.
        var pages = app.MapGroup("/s");
        pages.AllowAnonymous().ExcludeFromDescription().ShortCircuit();
        pages.MapGet("/{slug}", ShowAsync);
        pages.MapPost("/{slug}", SubmitAsync);
    }

    private static async Task<IResult> ShowAsync(string slug, string? c, string? unionid, string? preview, HttpContext http,
        SignupFormService forms, SignupService signups, SignupTokens tokens, MemberCookie members, ReceiptGroups groups,
        IAntiforgery antiforgery, IStringLocalizer<SignupText> text)
    {
        PhonePageCulture.Apply(http);
        if (await forms.GetBySlugAsync(slug, http.RequestAborted) is not { } form)
        {
            return Notice(text, "Page.NotFoundTitle", "Page.NotFoundText", StatusCodes.Status404NotFound);
        }
        var isPreview = preview == "1";
        if (!isPreview && members.MemberOf(http) is { } memberId
            && await signups.FindAsync(form.ActivityId, memberId, c, http.RequestAborted) is { } receipt)
        {
            return await ReceiptAsync(http, groups, form, receipt, existing: true);
        }
        if (!isPreview && await signups.RefusalAsync(form, http.RequestAborted) is { } refusal)
        {
            return Refused(text, form, refusal);
        }
        return FormPage(http, antiforgery, form, SignupFormState.Empty(c, tokens.ProtectedUnionIdOrNull(unionid)), isPreview);
    }

    private static async Task<IResult> SubmitAsync(string slug, HttpContext http, SignupService signups, SignupTokens tokens,
        MemberCookie members, VisitorCookie visitors, SignupThrottle throttle, ReceiptGroups groups, IAntiforgery antiforgery,
        IStringLocalizer<SignupText> text, ILoggerFactory loggers)
    {
        PhonePageCulture.Apply(http);
        if (!throttle.TryAcquire(http, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Notice(text, "Page.BusyTitle", "Page.BusyText", StatusCodes.Status429TooManyRequests);
        }
        if (!http.Request.HasFormContentType || http.Request.ContentLength > MaxFormBytes)
        {
            return Notice(text, "Page.ExpiredTitle", "Page.ExpiredText", StatusCodes.Status400BadRequest);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFormBytes;
        }
        IFormCollection posted;
        try
        {
            posted = await http.Request.ReadFormAsync(http.RequestAborted);
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (Exception ex) when (ex is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            // An old tab, a blocked cookie, or a forged post: nothing is written; the person reloads and sends again.
            return Notice(text, "Page.ExpiredTitle", "Page.ExpiredText", StatusCodes.Status400BadRequest);
        }
        // The page's fields by name (shown again when one is refused); the answers by question key. Case-insensitive, as
        // the posted form is.
        var questionPrefix = SignupPage.QuestionField("");
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, value) in posted)
        {
            if (field is SignupPage.NameField or SignupPage.PhoneField || field.StartsWith(questionPrefix, StringComparison.OrdinalIgnoreCase))
            {
                values[field] = value.ToString();
            }
        }
        var unionIdToken = tokens.ProtectedUnionIdOrNull(posted[SignupPage.UnionIdField]);
        var submission = new SignupSubmission
        {
            Name = values.GetValueOrDefault(SignupPage.NameField),
            Phone = values.GetValueOrDefault(SignupPage.PhoneField),
            Answers = values.Where(v => v.Key.StartsWith(questionPrefix, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(v => v.Key[questionPrefix.Length..], v => v.Value, StringComparer.OrdinalIgnoreCase),
            ChannelKey = Clean(posted[SignupPage.ChannelField]),
            UnionId = tokens.UnionId(unionIdToken),
            RememberedMemberId = members.MemberOf(http),
        };
        PageSignupResult signup;
        try
        {
            // One call, one transaction: the form, the checks, the channel, the member, the sign-up and the scan links.
            signup = await signups.SubmitFromPageAsync(slug, submission, visitors.KeyOf(http), http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(SignupEndpoints)).LogError(ex, "Sign-up on {Slug} failed", slug);
            return Notice(text, "Page.ErrorTitle", "Page.ErrorText", StatusCodes.Status503ServiceUnavailable);
        }
        if (signup is not { Form: { } form, Result: var result })
        {
            return Notice(text, "Page.NotFoundTitle", "Page.NotFoundText", StatusCodes.Status404NotFound);
        }
        if (result is { Succeeded: true, Receipt: { } signedUp })
        {
            members.Remember(http, signedUp.MemberId);
        }
        return result.Outcome switch
        {
            SignupOutcome.Created or SignupOutcome.Existing =>
                await ReceiptAsync(http, groups, form, result.Receipt!, existing: result.Outcome == SignupOutcome.Existing),
            SignupOutcome.Invalid => FormPage(http, antiforgery, form,
                new SignupFormState(values, result.Errors!, signup.ChannelKey, unionIdToken), preview: false, StatusCodes.Status400BadRequest),
            SignupOutcome.NotFound => Notice(text, "Page.NotFoundTitle", "Page.NotFoundText", StatusCodes.Status404NotFound),
            _ => Refused(text, form, result.Outcome),
        };
    }

    private static IResult FormPage(HttpContext http, IAntiforgery antiforgery, SignupFormDto form, SignupFormState state,
        bool preview, int status = StatusCodes.Status200OK)
    {
        var token = antiforgery.GetAndStoreTokens(http);
        return PhonePageResult.For<SignupFormPage>(new
        {
            Form = form, State = state, TokenName = token.FormFieldName, TokenValue = token.RequestToken ?? "", Preview = preview,
        }, status);
    }

    private static async Task<IResult> ReceiptAsync(HttpContext http, ReceiptGroups groups, SignupFormDto form,
        SignupReceipt receipt, bool existing)
    {
        var group = await groups.RouteAsync(http, receipt);
        return PhonePageResult.For<SignupReceiptPage>(new { Form = form, Receipt = receipt, Existing = existing, Group = group });
    }

    private static IResult Refused(IStringLocalizer<SignupText> text, SignupFormDto form, SignupOutcome outcome) => outcome switch
    {
        SignupOutcome.NotOpen => Notice(form.Title, text["Page.NotOpenText", SignupPage.LocalTime(form.OpensAt ?? DateTime.UtcNow)],
            StatusCodes.Status409Conflict),
        SignupOutcome.Closed => Notice(form.Title, text["Page.ClosedText"], StatusCodes.Status409Conflict),
        SignupOutcome.Full => Notice(form.Title, text["Page.FullText"], StatusCodes.Status409Conflict),
        _ => Notice(form.Title, text["Page.BlacklistedText"], StatusCodes.Status403Forbidden),
    };

    private static IResult Notice(IStringLocalizer<SignupText> text, string titleKey, string textKey, int status) =>
        Notice(text[titleKey], text[textKey], status);

    // Personal (a MemberNo) or carrying a one-visitor token: never kept by a cache (PhonePageResult).
    private static IResult Notice(string title, string message, int status) =>
        PhonePageResult.For<SignupNoticePage>(new { Title = title, Message = message }, status);

    private static string? Clean(Microsoft.Extensions.Primitives.StringValues value) => CommunityPortal.Infrastructure.Validation.Text.Clean(value.ToString());
}
