using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.Matrix;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

/// <summary>The filter controls put the question in the address, and the page asks it.</summary>
public sealed class DashboardFilterBarTests : DashboardTest
{
    [Fact]
    public async Task ChoosingAChannel_PutsItInTheAddressAndAsksWithIt()
    {
        var channel = await Get<ChannelService>().CreateAsync(new ChannelInput { Name = "线下海报", Type = ChannelType.OfflinePoster });
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);
        cut.WaitForAssertion(() => Assert.NotNull(Queries.LastFilter), Wait);
        cut.Find("[data-testid=dashboard-filter-toggle]").Click();

        var picker = cut.FindComponents<MudAutocomplete<Option<int>>>().Single(s => s.FindAll("#index-channel").Count == 1);
        await cut.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new Option<int>(channel.Id, channel.Name)));

        Assert.EndsWith($"indices/daily?channel={channel.Id}", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(channel.Id, Queries.LastFilter?.ChannelId), Wait);
    }

    [Fact]
    public async Task ChangingTheStart_KeepsTheEndShown()
    {
        Queries.Daily = IndexSamples.Daily();
        var cut = DashboardPage.All["daily"].Open(this);
        cut.WaitForAssertion(() => Assert.NotNull(Queries.LastFilter), Wait);
        cut.Find("[data-testid=dashboard-filter-toggle]").Click();

        var from = cut.FindComponents<MudDatePicker>().Single(p => p.Instance.InputId == "index-from");
        await cut.InvokeAsync(() => from.Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 20)));

        Assert.EndsWith("indices/daily?from=2026-11-20&to=2026-12-03", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2026, 11, 20), Queries.LastFilter?.From), Wait);
    }

    [Fact]
    public void EndBeforeStart_ShowsTheMessageUnderTheEndField()
    {
        using var culture = Chinese();

        var cut = DashboardPage.All["daily"].Open(this, "?from=2026-12-10&to=2026-12-01");

        cut.WaitForElement("[data-testid=dashboard-invalid]", Wait);
        var to = cut.FindComponents<MudDatePicker>().Single(p => p.Instance.InputId == "index-to");
        Assert.Equal("true", cut.Find("#index-to").GetAttribute("aria-invalid"));
        Assert.Contains("结束日期不能早于开始日期。", to.Markup);
        Assert.NotEqual("true", cut.Find("#index-from").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Filters_AreFoldedIntoWhatIsInForce_UntilOpened()
    {
        using var culture = Chinese();
        var channel = await Get<ChannelService>().CreateAsync(new ChannelInput { Name = "线下海报", Type = ChannelType.OfflinePoster });
        Queries.Daily = IndexSamples.Daily();

        var cut = DashboardPage.All["daily"].Open(this, $"?from=2026-11-20&to=2026-12-01&channel={channel.Id}");

        cut.WaitForAssertion(() => Assert.NotNull(Queries.LastFilter), Wait);
        Assert.Equal("2026-11-20 至 2026-12-01 · 线下海报", cut.Find("[data-testid=dashboard-filter-summary]").TextContent);
        Assert.Empty(cut.FindAll("#index-from"));
        var toggle = cut.Find("[data-testid=dashboard-filter-toggle]");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        toggle.Click();

        Assert.Equal("true", cut.Find("[data-testid=dashboard-filter-toggle]").GetAttribute("aria-expanded"));
        Assert.Contains("线下海报", cut.Find("#index-channel").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-filter-summary]"));
        cut.Find("[data-testid=dashboard-filter-toggle]").Click();
        Assert.Empty(cut.FindAll("#index-channel"));
    }
}
