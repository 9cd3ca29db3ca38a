using System.Text;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Features.Posters.Editor;

/// <summary>/api/v1/posters: one poster as PDF, PNG (rendered on the server) or SVG, from the same layout.</summary>
public static class PostersApi
{
    public static IEndpointRouteBuilder MapPostersApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/posters").WithTags("Posters").RequireAuthorization(Policies.Edit);
        api.MapPost("/pdf", Pdf).Produces<Stream>(StatusCodes.Status200OK, "application/pdf").ProducesValidationProblem()
            .WithDescription("A print-ready PDF of one poster: vector QR code, the CJK font embedded as a subset. Images travel as base64 (PNG or JPEG).");
        api.MapPost("/png", Png).Produces<Stream>(StatusCodes.Status200OK, "image/png").ProducesValidationProblem()
            .WithDescription($"The poster as a PNG rendered on the server at dpi ({PosterService.MinDpi}–{PosterService.MaxDpi}, default {PosterService.DefaultDpi}: A4 is then 2480 × 3508 px).");
        api.MapPost("/svg", Svg).Produces<Stream>(StatusCodes.Status200OK, "image/svg+xml").ProducesValidationProblem()
            .WithDescription("The poster as SVG in millimetres (texts in the viewer's CJK font).");
        return v1;
    }

    public static FileContentHttpResult Pdf(PosterSpec poster, PosterService posters) =>
        TypedResults.File(posters.Pdf([poster]), "application/pdf", $"poster-{poster.Paper}.pdf");

    public static FileContentHttpResult Png(PosterSpec poster, PosterService posters, int? dpi) =>
        TypedResults.File(posters.Png(poster, dpi ?? PosterService.DefaultDpi), "image/png", $"poster-{poster.Paper}.png");

    public static FileContentHttpResult Svg(PosterSpec poster, PosterService posters) =>
        TypedResults.File(Encoding.UTF8.GetBytes(posters.Svg(poster)), "image/svg+xml", "poster.svg");
}
