using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;

namespace CommunityPortal.Features.Seeding.Demo;

internal sealed record DemoCounts(int Themes, int Series, int Activities, int Groups, int Members);

/// <summary>Writes <see cref="DemoMatrix"/> through the matrix services. Member counts come from a fixed seed: same demo every run.</summary>
internal sealed class DemoSeeder(IServiceProvider services, IReadOnlyList<string> ownerEmails, DateOnly today)
{
    private readonly ThemeService _themes = services.GetRequiredService<ThemeService>();
    private readonly SeriesService _series = services.GetRequiredService<SeriesService>();
    private readonly ActivityService _activities = services.GetRequiredService<ActivityService>();
    private readonly GroupService _groups = services.GetRequiredService<GroupService>();
    private readonly Random _random = new(20261122);
    private int _seriesCount;
    private int _activityCount;
    private int _groupCount;
    private int _memberCount;

    public async Task<DemoCounts> SeedAsync(CancellationToken ct)
    {
        foreach (var theme in DemoMatrix.Themes)
        {
            var themeDto = await _themes.CreateAsync(new ThemeInput { Name = theme.Name, Description = theme.Description }, ct);
            foreach (var series in theme.Series)
            {
                await SeedSeriesAsync(themeDto.Id, series, ct);
            }
        }
        foreach (var group in DemoMatrix.Standalone)
        {
            await CreateGroupAsync(new GroupInput
            {
                Name = group.Name,
                Tier = group.Tier,
                Lifetime = GroupLifetime.LongTerm,
                Capacity = group.Capacity,
                MemberCount = group.MemberCount,
                Status = group.Status,
                Labels = [.. group.Labels],
            }, seriesName: null, ct);
        }
        return new DemoCounts(DemoMatrix.Themes.Length, _seriesCount, _activityCount, _groupCount, _memberCount);
    }

    private async Task SeedSeriesAsync(int themeId, DemoSeries series, CancellationToken ct)
    {
        var seriesDto = await _series.CreateAsync(new SeriesInput { ThemeId = themeId, Name = series.Name, Description = series.Description }, ct);
        _seriesCount++;
        for (var i = 0; i < series.Periods.Length; i++)
        {
            var period = series.Periods[i];
            var start = today.AddDays(period.StartOffsetDays);
            var activity = await _activities.CreateAsync(new ActivityInput
            {
                SeriesId = seriesDto.Id,
                PeriodNo = i + 1,
                // The demo is Chinese whatever the CLI's own message language is.
                Name = $"{series.Name} 第{i + 1}期",
                StartDate = start,
                EndDate = start.AddDays(period.LengthDays - 1),
                Status = period.Status,
            }, ct);
            _activityCount++;
            foreach (var plan in series.Groups)
            {
                var (status, members) = StatusAndMembers(period.Status, plan.Capacity);
                await CreateGroupAsync(new GroupInput
                {
                    ActivityId = activity.Id,
                    Name = $"{series.ShortName}{i + 1}期-{plan.Suffix}",
                    Tier = plan.Tier,
                    Lifetime = plan.Lifetime,
                    Capacity = plan.Capacity,
                    MemberCount = members,
                    Status = status,
                    Labels = plan.City is null ? [$"产品:{series.Product}"] : [$"产品:{series.Product}", $"城市:{plan.City}"],
                }, series.Name, ct);
            }
        }
    }

    private async Task CreateGroupAsync(GroupInput input, string? seriesName, CancellationToken ct)
    {
        input.OwnerEmail = ownerEmails[_groupCount % ownerEmails.Count];
        input.Rules = [.. DemoMatrix.RulesFor(input.Tier)];
        input.Announcement = DemoMatrix.AnnouncementFor(input.Tier);
        input.WelcomeMessage = DemoMatrix.WelcomeFor(input.Tier, input.Name, seriesName);
        await _groups.CreateAsync(input, ct);
        _groupCount++;
        _memberCount += input.MemberCount;
    }

    /// <summary>Ended periods: full or archived groups; running: open and filling up; planned: empty.</summary>
    private (GroupStatus, int) StatusAndMembers(ActivityStatus period, int capacity) => period switch
    {
        ActivityStatus.Planned => (GroupStatus.Planned, 0),
        ActivityStatus.Running => (GroupStatus.Open, _random.Next(capacity * 45 / 100, capacity * 96 / 100)),
        _ when _random.Next(3) == 0 => (GroupStatus.Full, capacity),
        _ => (GroupStatus.Archived, _random.Next(capacity * 60 / 100, capacity * 95 / 100)),
    };
}
