using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>Serves a stored QR image with the content type taken from its bytes; never sniffed as anything else.</summary>
public static class GroupQrImageEndpoint
{
    public static async Task<IResult> GetAsync(int id, int qrId, GroupQrService qrs, HttpContext context, CancellationToken ct)
    {
        try
        {
            var image = await qrs.GetImageAsync(qrId, ct);
            if (image.GroupId != id)
            {
                return Results.NotFound();
            }
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // A QR row's image never changes (a replacement is a new row), so it may be cached privately.
            context.Response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(image.Bytes, image.ContentType);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
    }
}
