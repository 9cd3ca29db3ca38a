using System.Net;
using System.Net.Http.Headers;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Features.GroupQrs;
using CommunityPortal.Tests.Features.LiveCodes.Scanning;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.LiveCodes.Fallback;

public sealed class LiveCodeFallbackImageEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _operator = factory.ClientAs(Roles.Operator);

    /// <summary>A phone with WeChat: clients without a browser's user agent are treated as link-preview bots.</summary>
    private HttpClient Phone()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", ScanEndpointTests.WeChatAgent);
        return client;
    }

    private static MultipartFormDataContent Form(byte[] file, string mediaType = "image/png")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { content, "file", "staff.png" } };
    }

    private async Task<LiveCodeResponse> FullCodeAsync(string slug)
    {
        // No pool at all: every scan gets the fallback page.
        var code = await LiveCodeSeed.LiveCodeAsync(factory.Services, slug, [], i => i.FallbackMessage = "请添加小助手");
        return LiveCodeResponse.From(code);
    }

    [Fact]
    public async Task Put_StoresTheImage_TheFallbackPageShowsIt_AndDeleteRemovesIt()
    {
        var code = await FullCodeAsync("api-fallback");
        var image = QrBytes.Png();

        var updated = await (await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", Form(image))).ReadAsync<LiveCodeResponse>();
        Assert.True(updated.HasFallbackImage);
        var page = await Phone().GetStringAsync("/q/api-fallback");
        Assert.Contains("请添加小助手", page);
        Assert.Contains("<img", page);

        var deleted = await _operator.DeleteAsync($"/api/v1/livecodes/{code.Id}/fallback-image");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var after = await (await _operator.GetAsync($"/api/v1/livecodes/{code.Id}")).ReadAsync<LiveCodeResponse>();
        Assert.False(after.HasFallbackImage);
        Assert.DoesNotContain("<img", await Phone().GetStringAsync("/q/api-fallback"));
    }

    [Fact]
    public async Task Put_NotAnImage_OrTooLarge_IsA400NamingTheField_AndKeepsTheStoredImage()
    {
        var code = await FullCodeAsync("api-fallback-bad");
        await (await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", Form(QrBytes.Png()))).ReadAsync<LiveCodeResponse>();

        var text = await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", Form(QrBytes.TextNamedPng()));
        Assert.NotEmpty(await text.ReadFieldErrorsAsync("fallbackImage"));
        var huge = await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image",
            Form(QrBytes.Png(CommunityPortal.Features.LiveCodes.LiveCode.MaxFallbackImageBytes + 1)));
        Assert.NotEmpty(await huge.ReadFieldErrorsAsync("fallbackImage"));
        var missing = await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", 
            new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.NotEmpty(await missing.ReadFieldErrorsAsync("fallbackImage"));

        var after = await (await _operator.GetAsync($"/api/v1/livecodes/{code.Id}")).ReadAsync<LiveCodeResponse>();
        Assert.True(after.HasFallbackImage);
    }

    /// <summary>Before: the framework's form reading gave up first, and the answer was "A JSON request body is required".</summary>
    [Theory]
    [InlineData("en", "Fallback QR image must not exceed 2 MB.")]
    [InlineData("zh-CN", "兜底二维码不能超过 2 MB。")]
    public async Task Put_FarOverTheLimit_Is400OnTheImage_NamingTheLimitInTheUsersLanguage_AndKeepsTheStoredImage(string language, string expected)
    {
        var code = await FullCodeAsync($"api-fallback-huge-{language}".ToLowerInvariant());
        await (await _operator.PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", Form(QrBytes.Png()))).ReadAsync<LiveCodeResponse>();

        var response = await factory.ClientAs(Roles.Operator, language)
            .PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", Form(QrImages.PaddedTo(QrBytes.Png(), 9_961_000)));

        Assert.Equal([expected], await response.ReadFieldErrorsAsync("fallbackImage"));
        Assert.True((await (await _operator.GetAsync($"/api/v1/livecodes/{code.Id}")).ReadAsync<LiveCodeResponse>()).HasFallbackImage);
    }

    [Fact]
    public async Task Put_FarOverTheLimit_SentWithoutALength_StillNamesTheLimit()
    {
        var code = await FullCodeAsync("api-fallback-chunked");
        // A stream of unknown length: the request goes chunked, with no Content-Length.
        var file = new StreamContent(new UnknownLengthStream(QrImages.PaddedTo(QrBytes.Png(), 9_961_000)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent { { file, "file", "staff.png" } };

        var response = await factory.ClientAs(Roles.Operator, "en").PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", form);

        Assert.Equal(["Fallback QR image must not exceed 2 MB."], await response.ReadFieldErrorsAsync("fallbackImage"));
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Put_NotAForm_Is415AskingForMultipart()
    {
        var code = await FullCodeAsync("api-fallback-json");
        var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        var problem = await (await factory.ClientAs(Roles.Operator, "en").PutAsync($"/api/v1/livecodes/{code.Id}/fallback-image", body))
            .ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("multipart/form-data", problem.Detail);
    }

    [Fact]
    public async Task Put_UnknownCode_Is404_AndViewerIsRefused()
    {
        var unknown = await _operator.PutAsync("/api/v1/livecodes/999999/fallback-image", Form(QrBytes.Png()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var viewer = await factory.ClientAs(Roles.Viewer).DeleteAsync("/api/v1/livecodes/1/fallback-image");
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheMultipartUpload()
    {
        var document = await Phone().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/livecodes/{id}/fallback-image", document);
    }
}
