using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>The preview: reads a file and checks it against the portal's data. Nothing is written.</summary>
public sealed class MemberImportService(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<ImportText> text)
{
    public async Task<ImportPreview> PreviewAsync(string fileName, byte[] bytes, EncodingChoice encoding, DuplicatePolicy policy,
        CancellationToken ct = default)
    {
        // Parsing 100,000 rows takes a moment of CPU: off the caller's (a circuit's) thread.
        var file = await Task.Run(() => CsvMemberReader.Read(fileName, bytes, encoding, text), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reference = await ImportReference.LoadAsync(db, file, ct);
        return await Task.Run(() => new ImportPlanner(text).Plan(file, reference, policy), ct);
    }

    /// <summary>The same file and data under another duplicate policy (the page's switch), without reading either again.</summary>
    public ImportPreview Replan(ImportPreview preview, DuplicatePolicy policy) =>
        new ImportPlanner(text).Plan(preview.File, preview.Reference, policy);

    /// <summary>A file refused before it was read (too large): a preview with only that message.</summary>
    public ImportPreview Refused(string fileName, long size, EncodingChoice encoding, DuplicatePolicy policy) => new()
    {
        File = CsvMemberFile.Refused(fileName, size, encoding, CsvMemberReader.TooLarge(size, text)),
        Reference = new ImportReference
        {
            Tags = [], Groups = [], Channels = [], ByUnionId = new Dictionary<string, ExistingMember>(),
            ByPhone = new Dictionary<string, ExistingMember>(), OpenStays = new HashSet<(int, int)>(),
        },
        Policy = policy,
        Rows = [],
    };
}
