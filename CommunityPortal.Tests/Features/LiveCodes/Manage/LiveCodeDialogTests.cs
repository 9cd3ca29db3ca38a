using System.Globalization;
using Bunit;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Manage;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommunityPortal.Tests.Features.LiveCodes.Manage;

public sealed class LiveCodeDialogTests : LiveCodeComponentTestBase
{
    /// <summary>The input component that renders the input with this id.</summary>
    private static IRenderedComponent<TInput> Input<TInput>(IRenderedComponent<MudDialogProvider> dialogs, string inputId) where TInput : IComponent =>
        dialogs.FindComponents<TInput>().Single(c => c.FindAll($"input#{inputId}").Count == 1);

    private static async Task SetAsync(IRenderedComponent<MudDialogProvider> dialogs, string inputId, string value)
    {
        var field = Input<MudTextField<string>>(dialogs, inputId);
        await dialogs.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task NewCode_WithAValidityWindow_IsStoredAsTheTeamsWallClockInUtc_AndOpensItsPage()
    {
        using var culture = Chinese();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<LiveCodesPage>();
        cut.WaitForElement("[data-testid=livecodes-empty]");

        cut.Find("[data-testid=new-livecode]").Click();
        dialogs.WaitForElement("[data-testid=livecode-form]");
        await SetAsync(dialogs, "lc-name", "春季海报");
        await SetAsync(dialogs, "lc-slug", "spring");
        var from = Input<MudDatePicker>(dialogs, "lc-from");
        await dialogs.InvokeAsync(() => from.Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 1)));
        var fromTime = Input<MudTimePicker>(dialogs, "lc-from-time");
        await dialogs.InvokeAsync(() => fromTime.Instance.TimeChanged.InvokeAsync(new TimeSpan(9, 30, 0)));
        // A date without a typed time ends with its day.
        var until = Input<MudDatePicker>(dialogs, "lc-until");
        await dialogs.InvokeAsync(() => until.Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 31)));
        dialogs.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Matches(@"/livecodes/\d+$", Get<NavigationManager>().Uri));
        var saved = await Get<LiveCodeService>().GetAsync((await Get<LiveCodeService>().ListAsync()).Single().Id);
        Assert.Equal(PortalTime.ToUtc(new DateTime(2026, 12, 1, 9, 30, 0)), saved.ValidFrom);
        Assert.Equal(PortalTime.ToUtc(new DateTime(2026, 12, 31, 23, 59, 0)), saved.ValidUntil);
    }

    [Fact]
    public async Task Edit_ShowsTheStoredWindowInTheTeamsTime_AndATimeWithoutADateIsRefusedOnItsField()
    {
        using var culture = Chinese();
        var code = await Get<LiveCodeService>().CreateAsync(new LiveCodeInput
        {
            Name = "海报", Slug = "poster", ValidFrom = PortalTime.ToUtc(new DateTime(2026, 12, 1, 8, 0, 0)),
        });
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));
        cut.WaitForElement("[data-testid=edit-livecode]").Click();
        dialogs.WaitForElement("[data-testid=livecode-form]");

        var shown = (dialogs.Find("input#lc-from").GetAttribute("value"), dialogs.Find("input#lc-from-time").GetAttribute("value"));
        Assert.Equal((new DateTime(2026, 12, 1).ToString("d", CultureInfo.CurrentCulture), "08:00"), shown);

        var untilTime = Input<MudTimePicker>(dialogs, "lc-until-time");
        await dialogs.InvokeAsync(() => untilTime.Instance.TimeChanged.InvokeAsync(new TimeSpan(18, 0, 0)));
        dialogs.Find("form").Submit();

        dialogs.WaitForAssertion(() => Assert.Contains("截止时间：请选择日期，或清空时间。", dialogs.Markup));
        Assert.Null((await Get<LiveCodeService>().GetAsync(code.Id)).ValidUntil);
        Assert.Equal(code.Version, (await Get<LiveCodeService>().GetAsync(code.Id)).Version);
    }

    [Fact]
    public void Window_SplitsAndJoinsInTheTeamsZone()
    {
        var utc = new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc);

        var (date, time) = LiveCodeWindow.Split(utc);

        Assert.Equal(PortalTime.ToLocal(utc), date!.Value + time!.Value);
        Assert.Equal(utc, LiveCodeWindow.ToUtc(date, time));
        Assert.Null(LiveCodeWindow.ToUtc(null, time));
        Assert.Equal((null, null), LiveCodeWindow.Split(null));
    }
}
