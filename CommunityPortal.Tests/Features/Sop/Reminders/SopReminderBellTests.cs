using System.Security.Claims;
using Bunit;
using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Sop;
using CommunityPortal.Features.Sop.Assignment;
using CommunityPortal.Features.Sop.Plans;
using CommunityPortal.Features.Sop.Reminders;
using CommunityPortal.Features.Users.Manage;
using CommunityPortal.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Sop.Reminders;

/// <summary>The top-bar bell with the SOP source registered as the app does, over a clock the test moves.</summary>
public sealed class SopReminderBellTests : ComponentTest
{
    private readonly FakeTimeProvider _clock = new(SopDatabase.Start);

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        // AddSop binds its options from configuration, which the component tests otherwise do without.
        services.TryAddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSop();
    }

    [Fact]
    public async Task The_bell_lists_the_assignees_reminder_and_toasts_one_that_falls_due_while_it_is_open()
    {
        using var culture = Chinese();
        var (ownerId, email) = await OperatorAsync();
        using (var scope = Database.Services.CreateScope())
        {
            var group = await scope.ServiceProvider.GetRequiredService<GroupService>().CreateAsync(new GroupInput { Name = "好物1群", OwnerEmail = email });
            var plan = await Get<SopPlanService>().CreateAsync(new SopPlanInput
            {
                Name = "日SOP", Kind = SopPlanKind.Daily,
                Steps = [new() { Time = "09:00", Title = "推品", Content = "今日好物" }, new() { Time = "09:30", Title = "话题", Content = "聊聊早餐" }],
            }, null);
            await Get<SopAssignmentService>().ApplyAsync(plan.Id, new SopApplyInput { GroupIds = [group.Id] }, null);
        }
        _clock.SetUtcNow(Local(9, 0));
        await Get<SopReminderService>().RunOnceAsync();
        Auth.SetAuthorized("小王");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, ownerId));
        Auth.SetPolicies(Policies.Read, Policies.Edit);
        var toasts = Render<MudSnackbarProvider>();
        var popovers = Render<MudPopoverProvider>();

        var cut = Render<NotificationBell>();

        // Due before the bell opened: listed, not toasted.
        Assert.Equal("1", cut.Find("[data-testid=alert-count]").TextContent);
        Assert.Empty(toasts.FindAll("[data-testid=toast]"));

        _clock.SetUtcNow(Local(9, 30));
        await Get<SopReminderService>().RunOnceAsync();

        toasts.WaitForAssertion(() => Assert.Single(toasts.FindAll("[data-testid=toast]")));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=alert-count]").TextContent));
        var toast = toasts.Find("[data-testid=toast]");
        Assert.Equal(("info", "通知：到点了：[好物1群] 话题", "09:30 到期，点开查看内容并复制"),
            (toast.GetAttribute("data-severity"), toast.QuerySelector(".toast-title")!.TextContent, toast.QuerySelector(".toast-detail")!.TextContent));
        await cut.Find("[data-testid=alert-bell]").ClickAsync(new());
        popovers.WaitForAssertion(() => Assert.Equal(2, popovers.FindAll("a[data-testid=alert-item]").Count));
        var items = popovers.FindAll("a[data-testid=alert-item]");
        Assert.Equal(["到点了：[好物1群] 话题", "到点了：[好物1群] 推品"], items.Select(i => i.QuerySelector(".bell-item-title")!.TextContent));
        Assert.All(items, i => Assert.Equal((SopTaskNotifications.Source, true),
            (i.GetAttribute("data-source"), i.GetAttribute("href")!.StartsWith("sop/calendar?task=", StringComparison.Ordinal))));
    }

    private async Task<(string Id, string Email)> OperatorAsync()
    {
        using var scope = Database.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateAsync(new NewUserInput
        {
            Email = "wang@example.cn", DisplayName = "小王", Password = "secret-2026", Role = Roles.Operator,
        });
        return (user.Id, "wang@example.cn");
    }

    private static DateTimeOffset Local(int hour, int minute) =>
        new(PortalTime.ToUtc(new DateTime(2030, 1, 7, hour, minute, 0, DateTimeKind.Unspecified)), TimeSpan.Zero);
}
