using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunityPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Infrastructure.ApiKeys;

public static class ApiKeyDefaults
{
    public const string AuthenticationScheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
}

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates a request by its X-Api-Key header. Answers a challenge with 401 and a refusal with 403,
/// both as ProblemDetails: an API client must never be redirected to the sign-in page.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IStringLocalizer<ApiText> text)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var key = await keys.AuthenticateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail(text["InvalidKey"]);
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, key.Role),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.AuthenticationScheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, text["UnauthorizedTitle"],
            result.Failure is null ? text["MissingKey"] : text["InvalidKey"]);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "";
        return ApiProblems.Write(Context, StatusCodes.Status403Forbidden, text["ForbiddenTitle"], text["ForbiddenDetail", role]);
    }
}
