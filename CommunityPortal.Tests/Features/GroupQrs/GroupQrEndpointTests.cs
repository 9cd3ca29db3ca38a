using System.Net;
using System.Net.Http.Headers;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.Features.Matrix;
using CommunityPortal.Tests.Infrastructure.Api;

namespace CommunityPortal.Tests.Features.GroupQrs;

public sealed class GroupQrEndpointTests(ApiSite factory) : IClassFixture<ApiSite>
{
    private readonly HttpClient _operator = factory.ClientAs(Roles.Operator);

    private static readonly byte[] InviteQr = QrImages.Png(QrBytes.Invite);

    private async Task<int> GroupIdAsync() =>
        (await _operator.CreateGroupAsync(new { name = MatrixApi.Unique("福利群"), capacity = 200 })).Id;

    private static MultipartFormDataContent Form(byte[]? file, string? payload, string? expiresAt = null, string fileName = "qr.png",
        string mediaType = "image/png")
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            form.Add(content, "file", fileName);
        }
        if (payload is not null)
        {
            form.Add(new StringContent(payload), "payload");
        }
        if (expiresAt is not null)
        {
            form.Add(new StringContent(expiresAt), "expiresAt");
        }
        return form;
    }

    [Fact]
    public async Task Upload_Multipart_StoresTheQr_AndGetShowsItWithItsImage()
    {
        var groupId = await GroupIdAsync();
        var expiresAt = DateTime.UtcNow.AddDays(5).ToString("O");

        var response = await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite, expiresAt));

        var created = await response.ReadAsync<GroupQrResponse>(HttpStatusCode.Created);
        Assert.Equal(QrBytes.Invite, created.Payload);
        Assert.Equal("image/png", created.ImageContentType);
        Assert.Equal(DateTime.Parse(expiresAt).ToUniversalTime(), created.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(created.UploadedBy);
        var overview = await (await _operator.GetAsync($"/api/v1/groups/{groupId}/qr")).ReadAsync<GroupQrOverviewResponse>();
        Assert.Equal(created.Id, overview.Current?.Id);
        Assert.Empty(overview.History);
        var image = await _operator.GetAsync(created.ImageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(InviteQr, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Upload_WithoutPayload_StoresWhatTheServerReadInTheImage()
    {
        var groupId = await GroupIdAsync();
        var photo = QrImages.PhonePhoto(QrBytes.Invite, new PhotoConditions(0.4, -4, 1.0f, 10, 70));

        var created = await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(photo, null, fileName: "photo.jpg", mediaType: "image/jpeg")))
            .ReadAsync<GroupQrResponse>(HttpStatusCode.Created);

        Assert.Equal(QrBytes.Invite, created.Payload);
        Assert.Equal("image/jpeg", created.ImageContentType);
    }

    [Fact]
    public async Task Upload_Replacement_MovesTheOldOneToHistory()
    {
        var groupId = await GroupIdAsync();
        var first = await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(QrImages.Png(QrBytes.Invite + "1"), QrBytes.Invite + "1")))
            .ReadAsync<GroupQrResponse>(HttpStatusCode.Created);
        var second = await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(QrImages.Jpeg(QrBytes.Invite + "2"), QrBytes.Invite + "2", mediaType: "image/jpeg")))
            .ReadAsync<GroupQrResponse>(HttpStatusCode.Created);

        var overview = await (await _operator.GetAsync($"/api/v1/groups/{groupId}/qr")).ReadAsync<GroupQrOverviewResponse>();
        Assert.Equal(second.Id, overview.Current?.Id);
        Assert.Equal([first.Id], overview.History.Select(q => q.Id));
        Assert.NotNull(overview.History[0].ReplacedAt);
    }

    [Theory]
    [InlineData("file", "en", "This is not an image")]
    [InlineData("file", "zh-CN", "这不是图片")]
    [InlineData("personal", "en", "personal contact")]
    [InlineData("personal", "zh-CN", "个人名片")]
    [InlineData("webPage", "en", "web page https://example.com/join")]
    [InlineData("plainText", "zh-CN", "一段文字")]
    [InlineData("noQr", "en", "No QR code was found")]
    [InlineData("noQr", "zh-CN", "没有找到二维码")]
    [InlineData("expiresAt", "en", "in the future")]
    [InlineData("missingFile", "en", "Choose a QR code image")]
    [InlineData("otherPayload", "en", "is not what the image's QR code holds")]
    [InlineData("otherPayload", "zh-CN", "不一致")]
    public async Task Upload_BadInput_Is400NamingTheField(string field, string language, string expected)
    {
        var groupId = await GroupIdAsync();
        var client = factory.ClientAs(Roles.Operator, language);
        // A valid invite in the payload field never rescues an image that holds something else.
        var form = field switch
        {
            "file" => Form(QrBytes.TextNamedPng(), QrBytes.Invite),
            "personal" => Form(QrImages.Png("https://u.wechat.com/EMabc"), QrBytes.Invite),
            "webPage" => Form(QrImages.Png("https://example.com/join"), QrBytes.Invite),
            "plainText" => Form(QrImages.Png("加我微信 wxid_123"), QrBytes.Invite),
            "noQr" => Form(QrImages.PlainPng(), QrBytes.Invite),
            "expiresAt" => Form(InviteQr, QrBytes.Invite, DateTime.UtcNow.AddDays(-1).ToString("O")),
            "missingFile" => Form(null, QrBytes.Invite),
            _ => Form(InviteQr, "https://weixin.qq.com/g/AQYAAOtherGroup"),
        };
        var name = field switch { "expiresAt" => "expiresAt", "otherPayload" => "payload", _ => "file" };

        var messages = await (await client.PostAsync($"/api/v1/groups/{groupId}/qr", form)).ReadFieldErrorsAsync(name);

        Assert.Contains(messages, m => m.Contains(expected, StringComparison.Ordinal));
        var overview = await (await _operator.GetAsync($"/api/v1/groups/{groupId}/qr")).ReadAsync<GroupQrOverviewResponse>();
        Assert.Null(overview.Current);
    }

    [Fact]
    public async Task Upload_TooLarge_Is400OnFile()
    {
        var groupId = await GroupIdAsync();
        var messages = await (await factory.ClientAs(Roles.Operator, "en")
            .PostAsync($"/api/v1/groups/{groupId}/qr", Form(QrBytes.Png(GroupQr.MaxImageBytes + 1), QrBytes.Invite))).ReadFieldErrorsAsync("file");
        Assert.Contains(messages, m => m.Contains("too large", StringComparison.Ordinal) && m.Contains("the limit is 8 MB", StringComparison.Ordinal));
    }

    /// <summary>Phone photos of a screen are often 3–6 MB: such a file is read and stored, not refused for its size.</summary>
    [Fact]
    public async Task Upload_SixMegabytePhoto_IsStored()
    {
        var groupId = await GroupIdAsync();

        var response = await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(QrImages.PaddedTo(InviteQr, 6 * 1024 * 1024), QrBytes.Invite));

        var created = await response.ReadAsync<GroupQrResponse>(HttpStatusCode.Created);
        Assert.Equal((QrBytes.Invite, 6 * 1024 * 1024), (created.Payload, created.ImageSize));
    }

    /// <summary>Before: the framework's form reading gave up first, and the answer was "A JSON request body is required".</summary>
    [Theory]
    [InlineData("en", "The image is too large (9.5 MB); the limit is 8 MB.")]
    [InlineData("zh-CN", "图片太大（9.5 MB），最大 8 MB。")]
    public async Task Upload_FarOverTheLimit_Is400OnFile_NamingTheLimitInTheUsersLanguage(string language, string expected)
    {
        var groupId = await GroupIdAsync();
        var form = Form(QrImages.PaddedTo(InviteQr, 9_961_000), QrBytes.Invite);

        var response = await factory.ClientAs(Roles.Operator, language).PostAsync($"/api/v1/groups/{groupId}/qr", form);

        Assert.Equal([expected], await response.ReadFieldErrorsAsync("file"));
        var overview = await (await _operator.GetAsync($"/api/v1/groups/{groupId}/qr")).ReadAsync<GroupQrOverviewResponse>();
        Assert.Null(overview.Current);
    }

    [Fact]
    public async Task Upload_FarOverTheLimit_SentWithoutALength_StillNamesTheLimit()
    {
        var groupId = await GroupIdAsync();
        var form = new MultipartFormDataContent();
        // A stream of unknown length: the request goes chunked, with no Content-Length to quote.
        var file = new StreamContent(new UnknownLengthStream(QrImages.PaddedTo(InviteQr, 9_961_000)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "qr.png");

        var response = await factory.ClientAs(Roles.Operator, "en").PostAsync($"/api/v1/groups/{groupId}/qr", form);

        Assert.Equal(["The image is too large; the limit is 8 MB."], await response.ReadFieldErrorsAsync("file"));
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Upload_NotAForm_Is415AskingForMultipart(string? contentType)
    {
        var groupId = await GroupIdAsync();
        var body = new StringContent($"{{\"payload\":\"{QrBytes.Invite}\"}}");
        body.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);

        var problem = await (await factory.ClientAs(Roles.Operator, "en").PostAsync($"/api/v1/groups/{groupId}/qr", body))
            .ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("multipart/form-data", problem.Detail);
    }

    [Fact]
    public async Task Upload_MalformedExpiry_Is400OnExpiresAt()
    {
        var groupId = await GroupIdAsync();
        await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite, "next tuesday")))
            .ReadFieldErrorsAsync("expiresAt");
    }

    [Fact]
    public async Task Upload_WithoutKey_Is401_AsViewer_Is403()
    {
        var groupId = await GroupIdAsync();
        await (await factory.Client(null).PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite)))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.ClientAs(Roles.Viewer).PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite)))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.Client(null).GetAsync($"/api/v1/groups/{groupId}/qr")).ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Viewer).GetAsync($"/api/v1/groups/{groupId}/qr")).StatusCode);
    }

    [Fact]
    public async Task SetExpiry_MovesIt_RefusesThePastOnExpiresAt_And404sForAnotherGroupsQr()
    {
        var groupId = await GroupIdAsync();
        var created = await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite)))
            .ReadAsync<GroupQrResponse>(HttpStatusCode.Created);
        var later = DateTime.UtcNow.AddDays(12);

        var moved = await (await _operator.PutJsonAsync($"/api/v1/groups/{groupId}/qr/{created.Id}/expiry", new { expiresAt = later }))
            .ReadAsync<GroupQrResponse>();

        Assert.Equal(later, moved.ExpiresAt, TimeSpan.FromMilliseconds(1));
        await (await _operator.PutJsonAsync($"/api/v1/groups/{groupId}/qr/{created.Id}/expiry", new { expiresAt = DateTime.UtcNow.AddDays(-1) }))
            .ReadFieldErrorsAsync("expiresAt");
        await (await _operator.PutJsonAsync($"/api/v1/groups/{groupId}/qr/{created.Id}/expiry", new { })).ReadFieldErrorsAsync("expiresAt");
        var other = await GroupIdAsync();
        await (await _operator.PutJsonAsync($"/api/v1/groups/{other}/qr/{created.Id}/expiry", new { expiresAt = later }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
        await (await factory.ClientAs(Roles.Viewer).PutJsonAsync($"/api/v1/groups/{groupId}/qr/{created.Id}/expiry", new { expiresAt = later }))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownGroup_Is404()
    {
        await (await _operator.PostAsync("/api/v1/groups/999999/qr", Form(InviteQr, QrBytes.Invite))).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _operator.GetAsync("/api/v1/groups/999999/qr")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PortalImageEndpoint_NeedsSignIn()
    {
        var groupId = await GroupIdAsync();
        var created = await (await _operator.PostAsync($"/api/v1/groups/{groupId}/qr", Form(InviteQr, QrBytes.Invite)))
            .ReadAsync<GroupQrResponse>(HttpStatusCode.Created);
        var anonymous = await factory.Client(null).GetAsync($"/groups/{groupId}/qr/{created.Id}/image");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual("image/png", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApi_DescribesTheUploadAsMultipart()
    {
        var json = await (await factory.Client(null).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var post = document.RootElement.GetProperty("paths").GetProperty("/api/v1/groups/{id}/qr").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        var description = System.Text.RegularExpressions.Regex.Replace(post.GetProperty("description").GetString() ?? "", @"\s+", " ");
        Assert.Contains("The server reads the QR code in the image itself", description);
        Assert.Contains("payload is optional and never stored", description);
    }
}
