using System.Security.Claims;
using System.Text;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;

namespace CommunityPortal.Infrastructure.Rendering;

/// <summary>A batch: either full specs, or one design and the URLs to put on it (one page each).</summary>
public sealed record PosterBatch(PosterSpec[]? Posters, PosterSpec? Design, string[]? Urls);

/// <summary>
/// Downloads for signed-in users under /render: QR images (Read) and posters from a design or a draft (Edit); errors as
/// ProblemDetails. The poster batch downloads join the same prefix from the Posters feature.
/// </summary>
public static class RenderingEndpoints
{
    private const string Svg = "image/svg+xml";
    private const string Pdf = "application/pdf";
    private const string Png = "image/png";

    /// <summary>The /render group, for features that add downloads under it.</summary>
    public static RouteGroupBuilder MapRenderGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/render").WithApiProblems().ExcludeFromDescription();

    public static IEndpointRouteBuilder MapRendering(this IEndpointRouteBuilder endpoints)
    {
        var render = endpoints.MapRenderGroup();
        render.MapGet("/qr.png", (QrImageService qr, string? url, int? size, string? level, int? margin) =>
            Results.File(qr.Png(Request(url, size, level, margin)), Png, "qr.png")).RequireAuthorization(Policies.Read);
        render.MapGet("/qr.svg", (QrImageService qr, string? url, int? size, string? level, int? margin) =>
            Results.File(Encoding.UTF8.GetBytes(qr.Svg(Request(url, size, level, margin))), Svg, "qr.svg")).RequireAuthorization(Policies.Read);
        render.MapPost("/poster.pdf", (PosterService posters, PosterSpec spec) =>
            Results.File(posters.Pdf([spec]), Pdf, "poster.pdf")).RequireAuthorization(Policies.Edit);
        render.MapPost("/poster.svg", (PosterService posters, PosterSpec spec) =>
            Results.File(Encoding.UTF8.GetBytes(posters.Svg(spec)), Svg, "poster.svg")).RequireAuthorization(Policies.Edit);
        render.MapPost("/poster.png", (PosterService posters, PosterSpec spec, int? dpi) =>
            Results.File(posters.Png(spec, dpi ?? PosterService.DefaultDpi), Png, $"poster-{spec.Paper}.png")).RequireAuthorization(Policies.Edit);
        render.MapPost("/posters.pdf", (PosterService posters, PosterBatch batch) =>
            Results.File(batch.Design is not null ? posters.Pdf(batch.Design, batch.Urls ?? []) : posters.Pdf(batch.Posters ?? []), Pdf, "posters.pdf"))
            .RequireAuthorization(Policies.Edit);

        var drafts = render.MapGroup("/drafts/{id:guid}").RequireAuthorization(Policies.Edit);
        drafts.MapGet("/poster.pdf", (PosterService posters, PosterDrafts store, ClaimsPrincipal user, Guid id, PaperSize? paper) =>
            Draft(store, user, id) is { } draft
                ? Results.File(posters.Pdf([WithPaper(draft.Spec, paper)]), Pdf, $"poster-{WithPaper(draft.Spec, paper).Paper}.pdf")
                : Results.NotFound());
        drafts.MapGet("/poster.svg", (PosterService posters, PosterDrafts store, ClaimsPrincipal user, Guid id, bool? download) =>
            Draft(store, user, id) is { } draft
                ? Results.File(Encoding.UTF8.GetBytes(posters.Svg(draft.Spec)), Svg, download == true ? "poster.svg" : null)
                : Results.NotFound());
        drafts.MapGet("/poster.png", (PosterService posters, PosterDrafts store, ClaimsPrincipal user, Guid id, int? dpi) =>
            Draft(store, user, id) is { } draft
                ? Results.File(posters.Png(draft.Spec, dpi ?? PosterService.DefaultDpi), Png, $"poster-{draft.Spec.Paper}.png")
                : Results.NotFound());
        drafts.MapGet("/qr.png", (QrImageService qr, PosterDrafts store, ClaimsPrincipal user, Guid id) =>
            Draft(store, user, id) is { } draft
                ? Results.File(qr.Png(draft.Spec.QrRequest(draft.QrSize)), Png, "qr.png")
                : Results.NotFound());
        drafts.MapGet("/qr.svg", (QrImageService qr, PosterDrafts store, ClaimsPrincipal user, Guid id) =>
            Draft(store, user, id) is { } draft
                ? Results.File(Encoding.UTF8.GetBytes(qr.Svg(draft.Spec.QrRequest(draft.QrSize))), Svg, "qr.svg")
                : Results.NotFound());
        return endpoints;
    }

    private static QrRequest Request(string? url, int? size, string? level, int? margin) =>
        new(url ?? "", size ?? 512, level, margin ?? 4);

    private static (PosterSpec Spec, int QrSize)? Draft(PosterDrafts store, ClaimsPrincipal user, Guid id) =>
        store.Find(id, user.FindFirstValue(ClaimTypes.NameIdentifier));

    private static PosterSpec WithPaper(PosterSpec spec, PaperSize? paper)
    {
        if (paper is { } chosen)
        {
            spec.Paper = chosen;
        }
        return spec;
    }
}
