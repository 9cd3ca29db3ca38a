using System.Globalization;
using System.Text;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Csv;
namespace CommunityPortal.Features.Members.Export;

/// <summary>
/// Every member matching a filter as CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel in China reads
/// the file as GBK and garbles every Chinese name), CRLF lines, cells neutralised against formulas (<see cref="CsvCells"/>).
/// Members are read a page at a time in MemberNo order (keyset, not OFFSET) and each page is flushed before the next
/// is read, so an export of 200,000 members holds one page in memory, never the whole result. The full phone number is
/// written: only managers may export (the endpoint's policy).
/// </summary>
public sealed class MemberCsvExport(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MemberListText> text,
    IStringLocalizer<MemberText> memberText,
    IActivityParticipants participants)
{
    public const int DefaultPageSize = 1000;

    /// <summary>Writes the file to <paramref name="output"/>; returns how many members it holds.</summary>
    public Task<int> WriteAsync(Stream output, MemberFilter filter, CancellationToken ct = default) => WriteAsync(output, filter, DefaultPageSize, ct);

    /// <summary>As above, in pages of <paramref name="pageSize"/> members.</summary>
    public async Task<int> WriteAsync(Stream output, MemberFilter filter, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Max(1, pageSize);
        await output.WriteAsync(CsvCells.Bom, ct);
        var lines = new StringBuilder();
        CsvCells.AppendLine(lines, Headers());
        await CsvCells.FlushAsync(output, lines, ct);
        var after = 0;
        var written = 0;
        while (true)
        {
            var page = await PageAsync(filter, after, pageSize, ct);
            foreach (var row in page)
            {
                CsvCells.AppendLine(lines, Cells(row));
            }
            await CsvCells.FlushAsync(output, lines, ct);
            written += page.Count;
            if (page.Count < pageSize)
            {
                return written;
            }
            after = page[^1].MemberNo;
        }
    }

    /// <summary>"members-20261122-1530.csv", in portal local time.</summary>
    public static string FileName(DateTime utcNow) =>
        $"members-{PortalTime.ToLocal(utcNow).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";

    private sealed record ExportRow(
        int Id, int MemberNo, string Nickname, string? RemarkName, string? Phone, string? UnionId, Gender Gender, string? Region,
        GrowthLevel GrowthLevel, MemberStatus Status, string? ChannelName, DateTime CreatedAt)
    {
        public IReadOnlyList<TagChip> Tags { get; set; } = [];
    }

    private async Task<List<ExportRow>> PageAsync(MemberFilter filter, int afterMemberNo, int pageSize, CancellationToken ct)
    {
        // A context per page: nothing accumulates across pages, and no read stays open while the client downloads.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await MemberFilters.Apply(db, db.Set<Member>().AsNoTracking(), filter, participants)
            .Where(m => m.MemberNo > afterMemberNo)
            .OrderBy(m => m.MemberNo)
            .Take(pageSize)
            .Select(m => new ExportRow(
                m.Id, m.MemberNo, m.Nickname, m.RemarkName, m.Phone, m.UnionId, m.Gender, m.Region, m.GrowthLevel, m.Status,
                db.Set<Channel>().Where(c => c.Id == m.FirstChannelId).Select(c => c.Name).FirstOrDefault(),
                m.CreatedAt))
            .ToListAsync(ct);
        var tags = await MemberTagChips.ForAsync(db, [.. rows.Select(r => r.Id)], ct);
        foreach (var row in rows)
        {
            row.Tags = tags.GetValueOrDefault(row.Id, []);
        }
        return rows;
    }

    private IEnumerable<string> Headers() =>
    [
        text["Export.MemberNo"], text["Export.Nickname"], text["Export.RemarkName"], text["Export.Phone"], text["Export.UnionId"],
        text["Export.Gender"], text["Export.Region"], text["Export.GrowthLevel"], text["Export.Status"], text["Export.Tags"],
        text["Export.Channel"], text["Export.CreatedAt"],
    ];

    private IEnumerable<string?> Cells(ExportRow row) =>
    [
        row.MemberNo.ToString(CultureInfo.InvariantCulture),
        row.Nickname,
        row.RemarkName,
        row.Phone,
        row.UnionId,
        memberText[$"Gender.{row.Gender}"],
        row.Region,
        row.GrowthLevel.ToString(),
        memberText[$"MemberStatus.{row.Status}"],
        string.Join(text["Export.TagSeparator"], row.Tags.Select(t => t.Name)),
        row.ChannelName,
        PortalTime.ToLocal(row.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    ];
}
