using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>Signs in through the real sign-in form, as a browser does, and returns the portal's sign-in cookie.</summary>
public static class CookieSignIn
{
    public static async Task<string> SignInAsync(PortalFactory site, string email, string password)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var form = await FormToken.ReadAsync(await client.GetAsync("/Account/Login"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["_handler"] = "login",
                [FormToken.FieldName] = form.Token,
            }),
        };
        post.Headers.Add("Cookie", form.Cookie);
        var response = await client.SendAsync(post);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {(int)response.StatusCode}");
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)).Split(';')[0];
    }
}
