using System.Security.Claims;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Reminders;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Sop.Reminders;

/// <summary>Users as the bell sees them, their SOP source, and tasks owned by them.</summary>
public abstract class SopReminderTest : SopTest
{
    protected SopReminderService Reminders => Get<SopReminderService>();

    /// <summary>A portal user signed in with their role (the policies read it).</summary>
    protected sealed record Person(string Id, string Email, ClaimsPrincipal User);

    protected async Task<Person> UserAsync(string name, string role)
    {
        var email = $"{Guid.NewGuid():N}@example.cn";
        using var scope = Database.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var id = (await users.CreateAsync(new NewUserInput { Email = email, DisplayName = name, Password = "secret-2026", Role = role })).Id;
        Claim[] claims = [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        return new(id, email, new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }

    /// <summary>The bell's SOP source as one circuit gets it (scoped, among the registered sources).</summary>
    protected SopTaskNotifications Source() =>
        Database.Services.CreateScope().ServiceProvider.GetServices<INotificationSource>().OfType<SopTaskNotifications>().Single();

    /// <summary>Groups owned by <paramref name="owner"/> under a daily plan (its owner does each step); their tasks of the first day.</summary>
    protected async Task<IReadOnlyList<SopTaskDto>> OwnedTasksAsync(Person owner, int groups = 1, params SopStepInput[] steps)
    {
        var ids = new List<int>();
        for (var i = 1; i <= groups; i++)
        {
            ids.Add((await GroupAsync($"{i}群", ownerEmail: owner.Email)).Id);
        }
        var plan = await PlanAsync(SopPlanKind.Daily, steps.Length > 0 ? steps : [Step("09:00", "推品")]);
        await Assignments.ApplyAsync(plan.Id, new SopApplyInput { GroupIds = ids }, null);
        return [.. (await TasksAsync()).Where(t => t.OccursOn == FirstDay)];
    }

    /// <summary>The clock's first day (Monday 2030-01-07, Shanghai).</summary>
    protected static readonly DateOnly FirstDay = new(2030, 1, 7);

    protected void At(DateTime utc) => Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>Counts the signals one user's open bell receives.</summary>
    protected sealed class Signals
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IDisposable Listen(SopTaskNotifications source, Person person) => source.Subscribe(person.User, () => Interlocked.Increment(ref _count));
    }
}
