using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Activities;

public sealed class ActivityService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MatrixText> text,
    IStringLocalizer<ValidationText> validationText,
    IActivityRecords records)
{
    public async Task<IReadOnlyList<ActivityDto>> ListAsync(int? seriesId = null, bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<Activity>().AsNoTracking()
                .Where(a => seriesId == null || a.SeriesId == seriesId)
                .Where(a => includeArchived || a.Status != ActivityStatus.Archived)
                .OrderBy(a => a.SeriesId).ThenByDescending(a => a.PeriodNo))
            .ToListAsync(ct);
    }

    public async Task<ActivityDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Set<Activity>().AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct) ?? throw NotFound();
    }

    public async Task<ActivityDto> CreateAsync(ActivityInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var series = await db.Set<Series>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SeriesId, ct);
        var periodNo = input.PeriodNo > 0 ? input.PeriodNo : await NextPeriodNoAsync(db, input.SeriesId, ct);
        var name = Text.Clean(input.Name) ?? DefaultName(series?.Name, periodNo);
        await ValidateAsync(db, input, series, periodNo, name, null, ct);
        var activity = new Activity
        {
            SeriesId = input.SeriesId,
            PeriodNo = periodNo,
            Name = name,
            StartDate = input.StartDate!.Value,
            EndDate = input.EndDate!.Value,
            Status = input.Status,
        };
        db.Add(activity);
        await db.SaveAsync(text["Conflict"], nameof(input.PeriodNo), PeriodTaken, ct);
        activity.Raise(new ActivityChanged(activity.Id, activity.SeriesId, ChangeKind.Created));
        await db.SaveChangesAsync(ct);
        return await GetAsync(activity.Id, ct);
    }

    public async Task<ActivityDto> UpdateAsync(int id, ActivityInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound();
        var series = await db.Set<Series>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SeriesId, ct);
        var periodNo = input.PeriodNo > 0 ? input.PeriodNo : activity.PeriodNo;
        var name = Text.Clean(input.Name) ?? DefaultName(series?.Name, periodNo);
        await ValidateAsync(db, input, series, periodNo, name, id, ct);
        db.ExpectVersion(activity, expectedVersion, text["Conflict"]);
        activity.SeriesId = input.SeriesId;
        activity.PeriodNo = periodNo;
        activity.Name = name;
        activity.StartDate = input.StartDate!.Value;
        activity.EndDate = input.EndDate!.Value;
        activity.Status = input.Status;
        activity.Raise(new ActivityChanged(id, activity.SeriesId, activity.Status == ActivityStatus.Archived ? ChangeKind.Archived : ChangeKind.Updated));
        await db.SaveAsync(text["Conflict"], nameof(input.PeriodNo), PeriodTaken, ct);
        return await GetAsync(id, ct);
    }

    public async Task ArchiveAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound();
        activity.Status = ActivityStatus.Archived;
        activity.Raise(new ActivityChanged(id, activity.SeriesId, ChangeKind.Archived));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw NotFound();
        if (await db.Set<Group>().AnyAsync(g => g.ActivityId == id, ct))
        {
            throw new ConflictException(text["ActivityNotEmpty"]);
        }
        // People's records (sign-ups) forbid deleting: the activity is archived instead.
        var signups = await records.CountAsync(db, id, ct);
        if (signups > 0)
        {
            throw new ConflictException(text["ActivityHasSignups", signups]);
        }
        db.Remove(activity);
        activity.Raise(new ActivityChanged(id, activity.SeriesId, ChangeKind.Deleted));
        await db.SaveAsync(text["Conflict"], null, null, ct);
    }

    /// <summary>
    /// 复制上一期: creates the series' next period from the latest one, copying its groups with names
    /// re-numbered (第3期 → 第4期, 3期-1群 → 4期-1群), member counts reset and status Planned. One save: all or nothing.
    /// </summary>
    public async Task<ActivityDto> CopyPreviousAsync(int seriesId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Series>().AnyAsync(s => s.Id == seriesId, ct))
        {
            throw new NotFoundException(text["SeriesNotFound"]);
        }
        var recent = await db.Set<Activity>().AsNoTracking()
            .Where(a => a.SeriesId == seriesId)
            .OrderByDescending(a => a.PeriodNo)
            .Take(2)
            .ToListAsync(ct);
        if (recent.Count == 0)
        {
            throw new ConflictException(text["NoPreviousActivity"]);
        }
        var previous = recent[0];
        var groups = await db.Set<Group>().AsNoTracking().Where(g => g.ActivityId == previous.Id).OrderBy(g => g.Id).ToListAsync(ct);
        var copy = PeriodCopier.Copy(previous, recent.Count > 1 ? recent[1] : null, groups);
        db.Add(copy);
        await db.SaveAsync(text["Conflict"], nameof(ActivityInput.PeriodNo), PeriodTaken, ct);
        copy.Raise(new ActivityChanged(copy.Id, seriesId, ChangeKind.Created));
        foreach (var group in copy.Groups)
        {
            group.Raise(new GroupCreated(group.Id, copy.Id, group.Tier, group.Capacity, group.MemberCount));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(copy.Id, ct);
    }

    private static async Task<int> NextPeriodNoAsync(PortalDbContext db, int seriesId, CancellationToken ct) =>
        (await db.Set<Activity>().Where(a => a.SeriesId == seriesId).MaxAsync(a => (int?)a.PeriodNo, ct) ?? 0) + 1;

    private string DefaultName(string? seriesName, int periodNo) => text["DefaultActivityName", seriesName ?? "", periodNo];

    private static IQueryable<ActivityDto> Project(IQueryable<Activity> query) =>
        query.Select(a => new ActivityDto(
            a.Id, a.SeriesId, a.Series!.Name, a.Series.ThemeId, a.PeriodNo, a.Name, a.StartDate, a.EndDate, a.Status, a.Version,
            a.Groups.Count(g => g.Status != GroupStatus.Archived),
            a.Groups.Where(g => g.Status != GroupStatus.Archived).Sum(g => g.MemberCount)));

    private async Task ValidateAsync(PortalDbContext db, ActivityInput input, Series? series, int periodNo, string name, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(validationText);
        if (series is null)
        {
            errors.Add(nameof(input.SeriesId), "NotFound");
        }
        errors.MaxLength(nameof(input.Name), name, Activity.NameMax);
        errors.Range(nameof(input.PeriodNo), periodNo, 1, 9999);
        if (input.StartDate is null)
        {
            errors.Add(nameof(input.StartDate), "Required");
        }
        if (input.EndDate is null)
        {
            errors.Add(nameof(input.EndDate), "Required");
        }
        if (input.StartDate is { } start && input.EndDate is { } end && end < start)
        {
            errors.Add(nameof(input.EndDate), "EndBeforeStart", errors.Label(nameof(input.StartDate)));
        }
        if (series is not null && !errors.HasErrors)
        {
            if (await db.Set<Activity>().AnyAsync(a => a.SeriesId == series.Id && a.PeriodNo == periodNo && a.Id != id, ct))
            {
                errors.Add(nameof(input.PeriodNo), "UniqueInParent");
            }
            if (await db.Set<Activity>().AnyAsync(a => a.SeriesId == series.Id && a.Name == name && a.Id != id, ct))
            {
                errors.Add(nameof(input.Name), "UniqueInParent");
            }
        }
        errors.ThrowIfAny();
    }

    private string PeriodTaken() => validationText["UniqueInParent", validationText["Field.PeriodNo"]];

    private NotFoundException NotFound() => new(text["ActivityNotFound"]);
}
