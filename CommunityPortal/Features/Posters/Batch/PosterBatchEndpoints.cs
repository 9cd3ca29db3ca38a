using System.Security.Claims;
using System.Text;
using CommunityPortal.Infrastructure.Security;

using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Features.Posters.Batch;

/// <summary>GET downloads of a batch draft: the PDF (one captioned page per code) and the SVG of one page for the preview.</summary>
internal static class PosterBatchEndpoints
{
    public static void MapPosterBatches(this RouteGroupBuilder render)
    {
        var batches = render.MapGroup("/batches/{id:guid}").RequireAuthorization(Policies.Edit);
        batches.MapGet("/posters.pdf", (PosterBatchService batch, PosterBatchDrafts store, ClaimsPrincipal user, Guid id, PaperSize? paper) =>
            Find(store, user, id) is { } draft
                ? Results.File(batch.Pdf(draft.Design, draft.Targets, paper), "application/pdf",
                    $"{draft.FileStem}-{paper ?? draft.Design.Paper}.pdf")
                : Results.NotFound());
        batches.MapGet("/poster.svg", (PosterService posters, PosterBatchDrafts store, ClaimsPrincipal user, Guid id, int? page) =>
            Find(store, user, id) is { Targets.Count: > 0 } draft
                ? Results.File(Encoding.UTF8.GetBytes(posters.Svg(PosterBatchService.Page(draft.Design,
                    draft.Targets[Math.Clamp(page ?? 0, 0, draft.Targets.Count - 1)]))), "image/svg+xml")
                : Results.NotFound());
    }

    private static PosterBatchDraft? Find(PosterBatchDrafts store, ClaimsPrincipal user, Guid id) =>
        store.Find(id, user.FindFirstValue(ClaimTypes.NameIdentifier));
}
