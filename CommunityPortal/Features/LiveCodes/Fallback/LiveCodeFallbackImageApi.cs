using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Manage;
namespace CommunityPortal.Features.LiveCodes.Fallback;

/// <summary>/api/v1/livecodes/{id}/fallback-image: the staff contact QR shown when no pool group has room.</summary>
public static class LiveCodeFallbackImageApi
{
    /// <summary>
    /// The multipart body may carry the image and a little more. A larger upload is cut off here, at the form, and
    /// answered on the image's field: bound as a parameter instead, the framework read the form first, gave up at its
    /// own 8 MB limit, and the client heard "A JSON request body is required".
    /// </summary>
    internal const long FormLimit = LiveCode.MaxFallbackImageBytes + 64 * 1024;

    /// <summary>Kestrel reads and discards what follows the cut-off up to this size, so the client gets the answer.</summary>
    internal const long RequestLimit = 32L * 1024 * 1024;

    private const string ImageField = "FallbackImage";

    private static readonly FormOptions UploadForm = new() { MultipartBodyLengthLimit = FormLimit };

    public static IEndpointRouteBuilder MapLiveCodeFallbackImageApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/livecodes/{id:int}/fallback-image").WithTags("Live codes");
        api.MapPut("/", PutAsync).RequireAuthorization(Policies.Edit)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimit))
            .Accepts<FallbackImageForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription($"Sets the fallback image (a staff member's contact QR; PNG or JPEG, at most {LiveCode.MaxFallbackImageBytes / 1024 / 1024} MB, the type taken from the bytes). multipart/form-data: file.");
        api.MapDelete("/", DeleteAsync).RequireAuthorization(Policies.Edit)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("Removes the fallback image; the fallback page then shows only the message.");
        return v1;
    }

    /// <summary>Reads the form itself (see <see cref="FormLimit"/>), so every refusal names the image's field.</summary>
    public static async Task<Ok<LiveCodeResponse>> PutAsync(int id, HttpRequest request, LiveCodeService codes,
        IStringLocalizer<LiveCodeText> text, IStringLocalizer<ValidationText> validation, CancellationToken ct)
    {
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
            var errors = new ValidationErrors(new FeatureValidationText<LiveCodeText>(validation, text));
            errors.Add(ImageField, "ImageTooLarge", LiveCode.MaxFallbackImageBytes / 1024 / 1024);
            errors.ThrowIfAny();
        }
        byte[] bytes = [];
        if (form.Files.GetFile("file") is { } file)
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
