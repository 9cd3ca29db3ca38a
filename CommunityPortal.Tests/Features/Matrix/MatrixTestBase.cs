using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Matrix.Tree;
using CommunityPortal.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Tests.Features.Matrix;

/// <summary>
/// A fresh <see cref="PortalDatabase"/> per test, and helpers that build a matrix
/// the way a user would (through the services), so each test reads as a short story.
/// </summary>
public abstract class MatrixTestBase : DatabaseTest
{
    protected static readonly DateOnly May1 = new(2026, 5, 1);

    protected ThemeService Themes => Database.Get<ThemeService>();

    protected SeriesService SeriesService => Database.Get<SeriesService>();

    protected ActivityService Activities => Database.Get<ActivityService>();

    protected GroupService Groups => Database.Get<GroupService>();

    protected GroupQueryService Query => Database.Get<GroupQueryService>();

    protected MatrixTreeService Tree => Database.Get<MatrixTreeService>();

    protected Task<ThemeDto> ThemeAsync(string name = "读书会", string? description = null) =>
        Themes.CreateAsync(new ThemeInput { Name = name, Description = description });

    protected Task<SeriesDto> SeriesAsync(int themeId, string name = "阅读营") =>
        SeriesService.CreateAsync(new SeriesInput { ThemeId = themeId, Name = name });

    protected Task<ActivityDto> ActivityAsync(int seriesId, int periodNo, string? name = null, DateOnly? start = null, int days = 7,
        ActivityStatus status = ActivityStatus.Planned)
    {
        var from = start ?? May1;
        return Activities.CreateAsync(new ActivityInput
        {
            SeriesId = seriesId,
            PeriodNo = periodNo,
            Name = name,
            StartDate = from,
            EndDate = from.AddDays(days - 1),
            Status = status,
        });
    }

    /// <summary>Theme 读书会 → series 阅读营 → activity 第1期 (May 1–7).</summary>
    protected async Task<ActivityDto> MatrixWithOneActivityAsync()
    {
        var theme = await ThemeAsync();
        var series = await SeriesAsync(theme.Id);
        return await ActivityAsync(series.Id, 1, "阅读营第1期");
    }

    protected static GroupInput NewGroup(string name, int? activityId = null, int memberCount = 0, int capacity = 200,
        GroupStatus status = GroupStatus.Planned) => new()
        {
            ActivityId = activityId,
            Name = name,
            Capacity = capacity,
            MemberCount = memberCount,
            Status = status,
        };

    protected Task<GroupDto> GroupAsync(string name, int? activityId = null, int memberCount = 0, int capacity = 200,
        GroupStatus status = GroupStatus.Planned) =>
        Groups.CreateAsync(NewGroup(name, activityId, memberCount, capacity, status));

    /// <summary>A portal user, written straight to the Identity table (the Users feature is not under test here).</summary>
    protected async Task<string> UserAsync(string email, string? displayName = null)
    {
        await using var db = Database.CreateDbContext();
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = displayName,
            CreatedAt = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    protected async Task<T> RowAsync<T>(int id) where T : Entity
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<T>().AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>Every matrix row with every column, to prove that a refused change wrote nothing.</summary>
    protected async Task<string> SnapshotAsync()
    {
        await using var db = Database.CreateDbContext();
        var lines = new List<string>();
        lines.AddRange((await db.Set<Theme>().AsNoTracking().OrderBy(t => t.Id).ToListAsync())
            .Select(t => $"T|{t.Id}|{t.Name}|{t.Description}|{t.IsArchived}|{t.Version}|{t.UpdatedAt:O}"));
        lines.AddRange((await db.Set<Series>().AsNoTracking().OrderBy(s => s.Id).ToListAsync())
            .Select(s => $"S|{s.Id}|{s.ThemeId}|{s.Name}|{s.Description}|{s.IsArchived}|{s.Version}|{s.UpdatedAt:O}"));
        lines.AddRange((await db.Set<Activity>().AsNoTracking().OrderBy(a => a.Id).ToListAsync())
            .Select(a => $"A|{a.Id}|{a.SeriesId}|{a.PeriodNo}|{a.Name}|{a.StartDate}|{a.EndDate}|{a.Status}|{a.Version}|{a.UpdatedAt:O}"));
        lines.AddRange((await db.Set<Group>().AsNoTracking().OrderBy(g => g.Id).ToListAsync())
            .Select(g => $"G|{g.Id}|{g.ActivityId}|{g.Name}|{g.Tier}|{g.Lifetime}|{g.OwnerId}|{g.Capacity}|{g.MemberCount}|{g.Status}|"
                + $"{string.Join(';', g.Rules)}|{g.Announcement}|{g.WelcomeMessage}|{string.Join(';', g.Labels)}|{g.Version}|{g.UpdatedAt:O}"));
        return string.Join('\n', lines);
    }

    /// <summary>Runs a change that must be refused, then proves the database is exactly as before.</summary>
    protected async Task<TException> RefusedWithoutTraceAsync<TException>(Func<Task> change) where TException : Exception
    {
        var before = await SnapshotAsync();
        var eventsBefore = Published.Count;
        var ex = await Assert.ThrowsAsync<TException>(change);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(eventsBefore, Published.Count);
        return ex;
    }

    /// <summary>The single message of a refused field (fails when other fields are also reported, to keep tests precise).</summary>
    protected static string OnlyError(PortalValidationException ex, string field)
    {
        Assert.Equal([field], ex.Errors.Keys);
        return Assert.Single(ex.Errors[field]);
    }
}
