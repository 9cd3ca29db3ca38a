using System.Globalization;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E.Pages;

/// <summary>/indices/daily (in Chinese): the live marker, the empty state, and today's row of the table (the newest day comes first).</summary>
public sealed class DailyIndexPage(IPage page, string baseUrl) : PortalPage(page, baseUrl)
{
    /// <summary>The table's columns in order, as a Chinese reader sees their headers.</summary>
    public static readonly string[] Columns = ["日期", "新增成员", "日活（DAU）", "周活（WAU）", "月活（MAU）", "粘性（DAU/MAU）", "报名", "扫码", "独立访客"];

    /// <summary>Opens the page and waits until it listens for changes (the live circuit has subscribed).</summary>
    public async Task OpenAsync()
    {
        await GotoAsync("/indices/daily");
        await Page.GetByTestId("dashboard-live").WaitForAsync();
    }

    public ILocator Empty => Page.GetByTestId("dashboard-empty");

    public ILocator Headers => Page.Locator("[data-testid=table-daily] thead th");

    public ILocator NewestRow => Page.Locator("[data-testid=table-daily] tbody tr").First;

    /// <summary>A cell of the newest day's row, by its column's header.</summary>
    public ILocator Cell(string column)
    {
        var index = Array.IndexOf(Columns, column);
        return index >= 0 ? NewestRow.Locator("td").Nth(index) : throw new ArgumentException($"The daily table has no column {column}.", nameof(column));
    }

    /// <summary>A day as the table shows it to a Chinese reader.</summary>
    public static string Day(DateOnly day) => day.ToString("d", CultureInfo.GetCultureInfo("zh-CN"));
}
