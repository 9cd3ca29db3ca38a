using System.Globalization;
using System.Security.Claims;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>/api/v1/groups/{id}/qr: upload (multipart) and read a group's QR, with the same server checks as the UI.</summary>
public static class GroupQrApi
{
    /// <summary>
    /// The multipart body may carry the 8 MB image and its small fields. A larger upload is cut off here, at the form,
    /// and answered on the file field: bound as a parameter instead, the framework's own form reading failed first and
    /// the client heard "A JSON request body is required".
    /// </summary>
    internal const long FormLimit = GroupQr.MaxImageBytes + 64 * 1024;

    /// <summary>Kestrel reads and discards what follows the cut-off up to this size, so the client gets the answer.</summary>
    internal const long RequestLimit = 32L * 1024 * 1024;

    private static readonly FormOptions UploadForm = new() { MultipartBodyLengthLimit = FormLimit };

    public static IEndpointRouteBuilder MapGroupQrApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/groups/{id:int}/qr").WithTags("Group QR codes");
        api.MapGet("/", GetQr).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("The group's current QR code (null when none) and the replaced ones, newest first, without image bytes.");
        api.MapPost("/", UploadQr).RequireAuthorization(Policies.Edit)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimit))
            .Accepts<GroupQrUploadForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription($"""
                Uploads a new QR code for the group, replacing the current one at once. multipart/form-data: file (a PNG or
                JPEG screenshot or photo of the group QR code, at most {GroupQr.MaxImageBytes / 1024 / 1024} MB; the type is taken from the bytes) and optional
                expiresAt (ISO 8601, in the future, at most 30 days ahead; default upload + 7 days). The server reads the QR
                code in the image itself and stores what it holds when that is a WeChat group invite (https://weixin.qq.com/g/…);
                personal contact codes, web pages, plain text, images without a readable QR code and non-images are refused
                on file, with the reason. payload is optional and never stored: when sent, it must equal what the server read,
                or the upload is refused on payload.
                """);
        api.MapPut("/{qrId:int}/expiry", SetExpiry).RequireAuthorization(Policies.Edit)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Moves a QR code's expiry: { \"expiresAt\": ISO 8601 }, in the future and at most 30 days ahead.");
        api.MapGet("/{qrId:int}/image", GetImage).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status200OK, contentType: "image/png", additionalContentTypes: ["image/jpeg"])
            .WithDescription("The stored image of one of the group's QR codes.");
        return v1;
    }

    public static async Task<Ok<GroupQrOverviewResponse>> GetQr(int id, GroupQrService qrs, CancellationToken ct) =>
        TypedResults.Ok(GroupQrOverviewResponse.From(await qrs.OverviewAsync(id, ct)));

    /// <summary>Reads the form itself (see <see cref="FormLimit"/>), so every refusal names its field.</summary>
    public static async Task<Created<GroupQrResponse>> UploadQr(
        int id, HttpRequest request, GroupQrService qrs, IStringLocalizer<GroupQrText> text, ClaimsPrincipal user, CancellationToken ct)
    {
        // Not a form at all (a JSON body, say): then no file was sent, and the service says so on file.
        IFormCollection form = FormCollection.Empty;
        try
        {
            if (request.HasFormContentType)
            {
                form = await request.ReadFormAsync(UploadForm, ct);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException || ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw qrs.TooLargeToRead(request.ContentLength);
        }
        byte[] bytes = [];
        if (form.Files.GetFile("file") is { } file)
        {
            using var stream = new MemoryStream((int)Math.Min(file.Length, FormLimit));
            await file.CopyToAsync(stream, ct);
            bytes = stream.ToArray();
        }
        DateTimeOffset? expiresAt = null;
        if (form["expiresAt"].ToString() is { Length: > 0 } expiry)
        {
            expiresAt = DateTimeOffset.TryParse(expiry, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new PortalValidationException(new Dictionary<string, string[]> { [GroupQrService.ExpiresAtField] = [text["Error.ExpiryInvalid"]] });
        }
        var qr = await qrs.UploadAsync(id, bytes, expiresAt?.UtcDateTime, user.FindFirstValue(ClaimTypes.NameIdentifier),
            form["payload"].ToString(), ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/groups/{id}/qr", GroupQrResponse.From(qr));
    }

    public static async Task<Ok<GroupQrResponse>> SetExpiry(
        int id, int qrId, GroupQrExpiryRequest request, GroupQrService qrs, IStringLocalizer<GroupQrText> text, CancellationToken ct)
    {
        if (request.ExpiresAt is not { } expiresAt)
        {
            throw new PortalValidationException(new Dictionary<string, string[]> { [GroupQrService.ExpiresAtField] = [text["Error.ExpiryRequired"]] });
        }
        if ((await qrs.GetImageAsync(qrId, ct)).GroupId != id)
        {
            throw new NotFoundException(text["Error.QrNotFound", qrId]);
        }
        return TypedResults.Ok(GroupQrResponse.From(await qrs.SetExpiryAsync(qrId, expiresAt.UtcDateTime, ct)));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetImage(int id, int qrId, GroupQrService qrs, CancellationToken ct)
    {
        var image = await qrs.GetImageAsync(qrId, ct);
        return image.GroupId == id ? TypedResults.File(image.Bytes, image.ContentType) : TypedResults.NotFound();
    }
}

public sealed record GroupQrExpiryRequest(DateTimeOffset? ExpiresAt);

/// <summary>The multipart form of an upload (for the OpenAPI document); payload is optional and only compared.</summary>
public sealed record GroupQrUploadForm(IFormFile File, DateTimeOffset? ExpiresAt, string? Payload);

public sealed record GroupQrResponse(
    int Id,
    int GroupId,
    string Payload,
    string ImageContentType,
    int ImageSize,
    string ImageUrl,
    DateTime UploadedAt,
    DateTime ExpiresAt,
    bool Expired,
    string? UploadedBy,
    DateTime? ReplacedAt)
{
    public static GroupQrResponse From(GroupQrDto qr) => new(
        qr.Id,
        qr.GroupId,
        qr.Payload,
        qr.ImageContentType,
        qr.ImageSize,
        $"{ApiSetup.Prefix}/groups/{qr.GroupId}/qr/{qr.Id}/image",
        Utc(qr.UploadedAt),
        Utc(qr.ExpiresAt),
        qr.IsExpired(DateTime.UtcNow),
        qr.UploadedBy,
        qr.ReplacedAt is { } replaced ? Utc(replaced) : null);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

public sealed record GroupQrOverviewResponse(int GroupId, GroupQrResponse? Current, IReadOnlyList<GroupQrResponse> History)
{
    public static GroupQrOverviewResponse From(GroupQrOverview overview) =>
        new(overview.GroupId, overview.Current is { } current ? GroupQrResponse.From(current) : null, [.. overview.History.Select(GroupQrResponse.From)]);
}
