using System.Net;
using System.Text.Json;
using CommunityPortal.Infrastructure.Rendering;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Infrastructure.Api;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Posters.Editor;

/// <summary>/api/v1/posters: what an integration (a CRM, a print shop's script) gets with an API key.</summary>
public sealed class PostersApiTests(ApiSite factory) : IClassFixture<ApiSite>
{
    [Fact]
    public async Task Png_ForAnOperatorKey_IsTheRenderedPoster_WhoseQrScans()
    {
        var response = await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/posters/png?dpi=100", PosterServiceTests.ChineseSpec(PaperSize.A5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((583, 827), (TestImages.Width(png), TestImages.Height(png)));
        var path = Path.Combine(Path.GetTempPath(), $"api-poster-{Guid.NewGuid():N}.png");
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
    public async Task Pdf_ForAnOperatorKey_CarriesTheChineseText()
    {
        var response = await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/posters/pdf", PosterServiceTests.ChineseSpec());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("21天阅读训练营", PosterServiceTests.PdfToText(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Png_WithBadInput_IsAProblemNamingEachField_InTheRequestsLanguage()
    {
        var spec = PosterServiceTests.ChineseSpec();
        spec.Title = "";
        spec.BackgroundImage = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0];

        var response = await factory.ClientAs(Roles.Operator, "en").PostJsonAsync("/api/v1/posters/png?dpi=600", spec);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["backgroundImage", "dpi", "title"], problem.Errors.Keys.Order());
        Assert.Equal("Background image cannot be read (a damaged or incomplete file): save it again as PNG or JPEG and upload it again.",
            problem.Errors["backgroundImage"].Single());
        Assert.Equal("请填写标题。", Assert.Single(await (await factory.ClientAs(Roles.Operator).PostJsonAsync("/api/v1/posters/png", spec))
            .ReadFieldErrorsAsync("title")));
    }

    [Fact]
    public async Task Png_ForAViewerKey_IsForbidden()
    {
        var response = await factory.ClientAs(Roles.Viewer).PostJsonAsync("/api/v1/posters/png", PosterServiceTests.ChineseSpec());

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApi_DescribesThePosterPng_WithItsDpiAndImageResponse()
    {
        using var document = JsonDocument.Parse(await factory.Client(key: null).GetStringAsync("/openapi/v1.json"));

        var post = document.RootElement.GetProperty("paths").GetProperty("/api/v1/posters/png").GetProperty("post");
        Assert.Equal(["dpi"], post.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(post.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/png", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
