using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Support;

/// <summary>A header-driven sign-in ("X-Test-Role", "X-Test-User") in place of the cookie (PortalFactoryOptions.HeaderAuth).</summary>
internal sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "TestHeader";
    public const string RoleHeader = "X-Test-Role";
    public const string UserHeader = "X-Test-User";

    /// <summary>With a body, so the portal's status-code pages do not re-execute the request (as the cookie's redirect and the API key's problem do not).</summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsync("forbidden");
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[RoleHeader].FirstOrDefault() is not { } role)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, Request.Headers[UserHeader].ToString()), new Claim(ClaimTypes.Role, role)], Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
