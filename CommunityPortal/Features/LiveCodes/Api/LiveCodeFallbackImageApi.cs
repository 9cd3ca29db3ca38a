using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityPortal.Features.LiveCodes.Api;

/// <summary>/api/v1/livecodes/{id}/fallback-image: the staff contact QR shown when no pool group has room.</summary>
public static class LiveCodeFallbackImageApi
{
    /// <summary>The form may carry a little more than the 2 MB image, so that an oversized file is named, not cut off.</summary>
    private const long FormLimit = 8L * 1024 * 1024;

    public static IEndpointRouteBuilder MapLiveCodeFallbackImageApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/livecodes/{id:int}/fallback-image").WithTags("Live codes");
        api.MapPut("/", PutAsync).RequireAuthorization(Policies.Edit)
            .DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: FormLimit)
            .Accepts<FallbackImageForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Sets the fallback image (a staff member's contact QR; PNG or JPEG, at most 2 MB, the type taken from the bytes). multipart/form-data: file.");
        api.MapDelete("/", DeleteAsync).RequireAuthorization(Policies.Edit)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Removes the fallback image; the fallback page then shows only the message.");
        return v1;
    }

    public static async Task<Ok<LiveCodeResponse>> PutAsync(int id, IFormFile? file, LiveCodeService codes, CancellationToken ct)
    {
        byte[] bytes = [];
        if (file is not null)
        {
            using var stream = new MemoryStream((int)Math.Min(file.Length, FormLimit));
            await file.CopyToAsync(stream, ct);
            bytes = stream.ToArray();
        }
        // An empty or missing file is not an image: the service names the field.
        await codes.SetFallbackImageAsync(id, bytes, ct);
        return TypedResults.Ok(LiveCodeResponse.From(await codes.GetAsync(id, ct)));
    }

    public static async Task<NoContent> DeleteAsync(int id, LiveCodeService codes, CancellationToken ct)
    {
        await codes.SetFallbackImageAsync(id, null, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The multipart form of a fallback image upload (for the OpenAPI document).</summary>
public sealed record FallbackImageForm(IFormFile File);
