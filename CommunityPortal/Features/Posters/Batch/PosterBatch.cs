using CommunityPortal.Infrastructure.Rendering;

namespace CommunityPortal.Features.Posters.Batch;

/// <summary>
/// One code a batch may print: Key tells the codes apart (checkbox ids), Label is what the checklist shows,
/// Caption what the foot of its page says.
/// </summary>
public sealed record PosterBatchTarget(string Key, string Label, string Url, string Caption);

/// <summary>A live code's printable codes: the code itself first, then each channel code.</summary>
public sealed record PosterBatchSource(int LiveCodeId, string Name, string Slug, IReadOnlyList<PosterBatchTarget> Targets);

/// <summary>What a batch editor last got right: one design and the chosen codes, one page each.</summary>
public sealed record PosterBatchDraft(string FileStem, PosterSpec Design, IReadOnlyList<PosterBatchTarget> Targets);
