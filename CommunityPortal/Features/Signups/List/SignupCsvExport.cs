using System.Globalization;
using System.Text;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Data;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Alerts;
using CommunityPortal.Features.LiveCodes.Manage;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;
using CommunityPortal.Infrastructure.Csv;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Signups.List;

/// <summary>
/// An activity's sign-ups as CSV, in the order people signed up: one column per question of the form, the full phone
/// (managers only, the endpoint's policy), check-in and completion with their times. Same file conventions as the
/// member export: UTF-8 with a byte-order mark for Excel in China, cells neutralised against formulas (<see cref="CsvCells"/>),
/// read and flushed a page at a time.
/// </summary>
public sealed class SignupCsvExport(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<SignupText> text, IStringLocalizer<MemberText> memberText)
{
    public const int PageSize = 1000;

    /// <summary>"/activities/12/signups.csv".</summary>
    public static string Path(int activityId) => $"/activities/{activityId}/signups.csv";

    /// <summary>"signups-12-20261122-1530.csv", in portal local time.</summary>
    public static string FileName(int activityId, DateTime utcNow) =>
        $"signups-{activityId}-{PortalTime.ToLocal(utcNow).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";

    /// <summary>The activity's form questions, or null when the activity does not exist.</summary>
    public async Task<IReadOnlyList<SignupQuestion>?> QuestionsAsync(int activityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Activity>().AnyAsync(a => a.Id == activityId, ct))
        {
            return null;
        }
        var questions = await db.Set<SignupForm>().AsNoTracking().Where(f => f.ActivityId == activityId).Select(f => f.Questions).FirstOrDefaultAsync(ct);
        return SignupJson.Questions(questions);
    }

    /// <summary>Writes the file; returns how many sign-ups it holds.</summary>
    public async Task<int> WriteAsync(Stream output, int activityId, IReadOnlyList<SignupQuestion> questions, CancellationToken ct = default)
    {
        await output.WriteAsync(CsvCells.Bom, ct);
        var lines = new StringBuilder();
        CsvCells.AppendLine(lines,
        [
            text["Column.MemberNo"], text["Column.Name"], text["Column.Phone"], .. questions.Select(q => q.Label),
            text["Export.Channel"], text["Column.At"], text["Column.CheckedIn"], text["Export.CheckedInAt"], text["Column.Completed"],
            text["Export.CompletedAt"], text["Export.MemberStatus"],
        ]);
        var written = 0;
        var after = 0;
        while (true)
        {
            var page = await PageAsync(activityId, after, ct);
            foreach (var row in page)
            {
                var answers = SignupJson.Answers(row.Answers);
                CsvCells.AppendLine(lines,
                [
                    row.MemberNo.ToString(CultureInfo.InvariantCulture), row.Name, row.Phone,
                    .. questions.Select(q => answers.FirstOrDefault(a => a.Key == q.Key)?.Value),
                    row.Channel, Time(row.CreatedAt), YesNo(row.CheckedInAt), Time(row.CheckedInAt), YesNo(row.CompletedAt),
                    Time(row.CompletedAt), memberText[$"MemberStatus.{row.Status}"],
                ]);
            }
            await CsvCells.FlushAsync(output, lines, ct);
            written += page.Count;
            if (page.Count < PageSize)
            {
                return written;
            }
            after = page[^1].Id;
        }
    }

    private sealed record Row(
        int Id, int MemberNo, string Name, string? Phone, string Answers, string? Channel, DateTime CreatedAt, DateTime? CheckedInAt,
        DateTime? CompletedAt, MemberStatus Status);

    private async Task<List<Row>> PageAsync(int activityId, int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ActivitySignup>().AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.Id > afterId)
            .OrderBy(s => s.Id)
            .Take(PageSize)
            .Join(db.Set<Member>(), s => s.MemberId, m => m.Id, (s, m) => new Row(
                s.Id, m.MemberNo, s.Name, s.Phone, s.Answers,
                db.Set<Channel>().Where(c => c.Id == s.ChannelId).Select(c => c.Name).FirstOrDefault(),
                s.CreatedAt, s.CheckedInAt, s.CompletedAt, m.Status))
            .ToListAsync(ct);
    }

    private string YesNo(DateTime? at) => at is null ? "" : text["Export.Yes"];

    private static string Time(DateTime? utc) =>
        utc is { } at ? PortalTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
