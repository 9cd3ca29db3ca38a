using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunityPortal.Features.Posters.Editor;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

public sealed class RenderingEndpointTests(HeaderAuthSite factory) : IClassFixture<HeaderAuthSite>
{
    private static readonly string QrQuery = $"url={Uri.EscapeDataString(RenderingServices.LiveCodeUrl)}";

    [Fact]
    public async Task QrPng_ForAViewer_IsAPngOfTheRequestedSize()
    {
        using var client = factory.ClientAs(Roles.Viewer);

        using var response = await client.GetAsync($"/render/qr.png?{QrQuery}&size=300&level=Q&margin=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var (width, height, _) = QrImageServiceTests.DecodeMonochrome(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((300, 300), (width, height));
    }

    [Fact]
    public async Task QrSvg_WithBadInput_IsAValidationProblemNamingTheFields()
    {
        using var client = factory.ClientAs(Roles.Viewer);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        using var response = await client.GetAsync("/render/qr.svg?url=ftp%3A%2F%2Fx&size=9999&level=Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["level", "size", "url"], problem!.Errors.Keys.Order());
    }

    [Fact]
    public async Task QrPng_Anonymous_IsRefused()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/render/qr.png?{QrQuery}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PosterPdf_ForAViewer_IsForbidden()
    {
        using var client = factory.ClientAs(Roles.Viewer);

        using var response = await client.PostAsJsonAsync("/render/poster.pdf", PosterServiceTests.ChineseSpec());

        Assert.True(HttpStatusCode.Forbidden == response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostersPdf_DesignAndUrls_GivesOnePagePerUrl()
    {
        using var client = factory.ClientAs(Roles.Operator);
        var batch = new { design = PosterServiceTests.ChineseSpec(PaperSize.A5), urls = new[] { "https://a.example/q/x?c=1", "https://a.example/q/x?c=2" } };

        using var response = await client.PostAsJsonAsync("/render/posters.pdf", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([(420, 595), (420, 595)], PosterServiceTests.PageSizes(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task DraftPdf_IsServedToItsOwnerOnly()
    {
        var id = Guid.NewGuid();
        factory.Services.GetRequiredService<PosterDrafts>().Put(id, "operator-id", PosterServiceTests.ChineseSpec(), 512);
        using var owner = factory.ClientAs(Roles.Operator, "operator-id");
        using var other = factory.ClientAs(Roles.Operator, "other-id");

        using var mine = await owner.GetAsync($"/render/drafts/{id}/poster.pdf?paper=A5");
        using var theirs = await other.GetAsync($"/render/drafts/{id}/poster.pdf");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal([(420, 595)], PosterServiceTests.PageSizes(await mine.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task PosterPng_ForAnOperator_IsThePaperAtTheDpi_AndItsQrScans()
    {
        using var client = factory.ClientAs(Roles.Operator);

        using var response = await client.PostAsJsonAsync("/render/poster.png?dpi=150", PosterServiceTests.ChineseSpec(PaperSize.A5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("poster-A5.png", response.Content.Headers.ContentDisposition!.FileName);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((874, 1240), (TestImages.Width(png), TestImages.Height(png)));
        var path = Path.Combine(Path.GetTempPath(), $"poster-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png);
        try
        {
            Assert.Equal(RenderingServices.LiveCodeUrl, QrScanTests.Scan(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task PosterPng_WithBadInput_IsAValidationProblemNamingTheFields()
    {
        using var client = factory.ClientAs(Roles.Operator);
        var spec = PosterServiceTests.ChineseSpec();
        spec.TextColor = "red";

        using var response = await client.PostAsJsonAsync("/render/poster.png?dpi=1200&culture=en", spec);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal(["dpi", "textColor"], problem!.Errors.Keys.Order());
        Assert.Equal("Resolution (dpi) must be between 72 and 300.", problem.Errors["dpi"].Single());
    }

    [Fact]
    public async Task DraftPng_IsThePosterAt300Dpi_ForItsOwnerOnly()
    {
        var id = Guid.NewGuid();
        factory.Services.GetRequiredService<PosterDrafts>().Put(id, "operator-id", PosterServiceTests.ChineseSpec(), 512);
        using var owner = factory.ClientAs(Roles.Operator, "operator-id");
        using var other = factory.ClientAs(Roles.Operator, "other-id");

        using var mine = await owner.GetAsync($"/render/drafts/{id}/poster.png");
        using var theirs = await other.GetAsync($"/render/drafts/{id}/poster.png");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("poster-A4.png", mine.Content.Headers.ContentDisposition!.FileName);
        var png = await mine.Content.ReadAsByteArrayAsync();
        Assert.Equal((2480, 3508), (TestImages.Width(png), TestImages.Height(png)));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }
}
