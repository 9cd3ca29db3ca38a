using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

using CommunityPortal.Infrastructure.Rendering;
namespace CommunityPortal.Features.Posters.Batch;

/// <summary>One design printed for several codes: the design's checks, at least one code, a captioned page per code.</summary>
public sealed class PosterBatchService(PosterService posters, IStringLocalizer<BatchText> text)
{
    public const string CodesField = "Codes";

    /// <summary>The design's field errors (checked with the first chosen URL) and a "Codes" error when none is chosen.</summary>
    public IReadOnlyDictionary<string, string[]> Validate(PosterSpec design, IReadOnlyList<PosterBatchTarget> chosen)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            errors[CodesField] = [text["Error.NoCodes"]];
        }
        else if (chosen.Count > PosterService.MaxBatch)
        {
            errors[CodesField] = [text["Error.TooManyCodes", PosterService.MaxBatch]];
        }
        foreach (var (field, messages) in posters.Validate(Page(design, chosen.Count > 0 ? chosen[0] : null)))
        {
            // The URLs are the codes' own, not a field of the design: a bad one is the codes' problem.
            if (field != nameof(PosterSpec.Url))
            {
                errors[field] = messages;
            }
            else if (chosen.Count > 0)
            {
                errors[CodesField] = [.. errors.GetValueOrDefault(CodesField) ?? [], .. messages];
            }
        }
        return errors;
    }

    /// <summary>The page of one code: the design with the code's URL and caption.</summary>
    public static PosterSpec Page(PosterSpec design, PosterBatchTarget? target)
    {
        var page = design.Copy();
        page.Url = target?.Url ?? "";
        page.Caption = target?.Caption;
        return page;
    }

    public byte[] Pdf(PosterSpec design, IReadOnlyList<PosterBatchTarget> chosen, PaperSize? paper = null)
    {
        var errors = Validate(design, chosen);
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }
        var sized = design.Copy();
        sized.Paper = paper ?? design.Paper;
        return posters.Pdf(chosen.Select(target => Page(sized, target)).ToList());
    }
}
