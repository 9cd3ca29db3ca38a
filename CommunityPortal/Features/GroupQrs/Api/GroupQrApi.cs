using System.Security.Claims;
using CommunityPortal.Features.Api;
using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using CommunityPortal.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.GroupQrs.Api;

/// <summary>/api/v1/groups/{id}/qr: upload (multipart) and read a group's QR, with the same server checks as the UI.</summary>
public static class GroupQrApi
{
    /// <summary>The form may carry a little more than the 2 MB image, so that an oversized file is named, not cut off.</summary>
    private const long FormLimit = 8L * 1024 * 1024;

    public static IEndpointRouteBuilder MapGroupQrApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/groups/{id:int}/qr").WithTags("Group QR codes");
        api.MapGet("/", GetQr).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("The group's current QR code (null when none) and the replaced ones, newest first, without image bytes.");
        api.MapPost("/", UploadQr).RequireAuthorization(Policies.Edit)
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: FormLimit)
            .Accepts<GroupQrUploadForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("""
                Uploads a new QR code for the group, replacing the current one at once. multipart/form-data: file (PNG or JPEG,
                at most 2 MB; the type is taken from the bytes), payload (the text the client decoded from the QR code: a WeChat
                group invite, https://weixin.qq.com/g/…; personal contact codes, web pages and plain text are refused) and
                optional expiresAt (ISO 8601, in the future, at most 30 days ahead; default upload + 7 days).
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

    public static async Task<Created<GroupQrResponse>> UploadQr(
        int id, IFormFile? file, [FromForm] string? payload, [FromForm] DateTimeOffset? expiresAt,
        GroupQrService qrs, ClaimsPrincipal user, CancellationToken ct)
    {
        byte[] bytes = [];
        if (file is not null)
        {
            using var stream = new MemoryStream((int)Math.Min(file.Length, FormLimit));
            await file.CopyToAsync(stream, ct);
            bytes = stream.ToArray();
        }
        var qr = await qrs.UploadAsync(id, bytes, payload, expiresAt?.UtcDateTime, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
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

/// <summary>The multipart form of an upload (for the OpenAPI document).</summary>
public sealed record GroupQrUploadForm(IFormFile File, string Payload, DateTimeOffset? ExpiresAt);

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
