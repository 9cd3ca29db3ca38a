using System.ComponentModel.DataAnnotations;
using CommunityPortal.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Infrastructure.Web;

public sealed class PublicAddressTests
{
    [Fact]
    public void BaseFor_WhenConfigured_IsThePublicAddress_WhateverTheBrowserUsed()
    {
        var address = Create("https://qun.example.com");

        Assert.True(address.IsConfigured);
        Assert.Equal("https://qun.example.com/", address.BaseFor("http://localhost:5080/"));
        Assert.Equal("https://qun.example.com/", address.BaseFor(Request("http", "10.0.0.5:8080")));
    }

    [Fact]
    public void BaseFor_WithAPathBase_KeepsIt()
    {
        Assert.Equal("https://example.com/portal/", Create("https://example.com/portal").BaseFor("http://localhost:5080/"));
    }

    [Fact]
    public void BaseFor_WhenNotConfigured_IsTheRequestsAddress()
    {
        var address = Create(null);

        Assert.False(address.IsConfigured);
        Assert.Equal("http://localhost:5080/", address.BaseFor("http://localhost:5080/"));
        Assert.Equal("http://10.0.0.5:8080/", address.BaseFor(Request("http", "10.0.0.5:8080")));
    }

    [Theory]
    [InlineData("qun.example.com")]
    [InlineData("ftp://qun.example.com/")]
    [InlineData("https://qun.example.com/?a=1")]
    [InlineData("https://qun.example.com/#top")]
    [InlineData("https://user:pw@qun.example.com/")]
    public void Options_WithAnAddressThatIsNotAPublicBase_AreRefusedNamingTheSetting(string value)
    {
        var options = new PublicAddressOptions { PublicBaseUrl = value };

        var error = Assert.Single(options.Validate(new ValidationContext(options)));

        Assert.Contains("Portal:PublicBaseUrl", error.ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://qun.example.com/")]
    public void Options_EmptyOrAnAbsoluteAddress_AreValid(string? value)
    {
        var options = new PublicAddressOptions { PublicBaseUrl = value };

        Assert.Empty(options.Validate(new ValidationContext(options)));
    }

    private static PublicAddress Create(string? value) => new(Options.Create(new PublicAddressOptions { PublicBaseUrl = value }));

    private static HttpRequest Request(string scheme, string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        return context.Request;
    }
}
