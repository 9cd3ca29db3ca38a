using Bunit;
using CommunityPortal.Features.Members.Import;

namespace CommunityPortal.Tests.Features.Members.Import;

public sealed class ImportPreviewTableTests : ImportComponentTestBase
{
    private const string Header = "昵称,手机,标签";

    [Fact]
    public async Task WithErrors_StartsOnTheRowsThatHaveThem_MarkingTheCellsAndNamingTheColumn()
    {
        using var culture = Chinese();
        await TagAsync("亲子阅读");
        var preview = await PreviewAsync(Gbk([Header, .. Enumerable.Range(0, 120).Select(Row)]));

        var cut = Render<ImportPreviewTable>(p => p.Add(x => x.Preview, preview));

        Assert.Equal(["14", "62", "110"], cut.FindAll("[data-testid=preview-row]").Select(r => r.GetAttribute("data-row")));
        var bad = cut.Find("[data-row='14'] td.cell-error");
        Assert.Equal("Phone", bad.GetAttribute("data-column"));
        Assert.Equal("12345", bad.TextContent);
        Assert.Contains("“12345”不是有效的手机号", bad.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-row='14'] td.cell-error"));
        Assert.Equal("手机：“12345”不是有效的手机号（11 位，以 1 开头）", cut.Find("[data-row='14'] [data-testid=preview-problem]").TextContent);
        Assert.Equal("会员12", cut.Find("[data-row='14'] td[data-column=Nickname]").TextContent);
        Assert.Equal("错误", cut.Find("[data-row='14'] [data-testid=action-error]").TextContent.Trim());
        Assert.Equal(["昵称", "手机", "标签"], cut.FindAll("thead th").Skip(2).SkipLast(1).Select(h => h.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=import-pager]"));
    }

    [Fact]
    public async Task AllRows_ArePagedFiftyAtATime_WithTheirChineseNamesAndActions()
    {
        using var culture = Chinese();
        await TagAsync("亲子阅读");
        var preview = await PreviewAsync(Gbk([Header, .. Enumerable.Range(0, 120).Select(Row)]));
        var cut = Render<ImportPreviewTable>(p => p.Add(x => x.Preview, preview));

        cut.Find("[data-testid=only-problems]").Change(false);

        var rows = cut.FindAll("[data-testid=preview-row]");
        Assert.Equal(50, rows.Count);
        Assert.Equal(("2", "会员0"), (rows[0].GetAttribute("data-row"), rows[0].QuerySelector("td[data-column=Nickname]")!.TextContent));
        Assert.Equal("第 1–50 行，共 120 行", cut.Find("[data-testid=import-shown]").TextContent.Trim());
        Assert.Equal("新建", cut.Find("[data-row='2'] [data-testid=action-new]").TextContent.Trim());
        Assert.Equal("亲子阅读", cut.Find("[data-row='2'] td[data-column=Tags]").TextContent);

        cut.FindAll("[data-testid=import-pager] button").Single(p => p.TextContent.Trim() == "3").Click();

        cut.WaitForAssertion(() => Assert.Equal(["102", "121"],
            new[] { cut.FindAll("[data-testid=preview-row]")[0], cut.FindAll("[data-testid=preview-row]")[^1] }.Select(r => r.GetAttribute("data-row"))));
        Assert.Equal("第 101–120 行，共 120 行", cut.Find("[data-testid=import-shown]").TextContent.Trim());
    }

    /// <summary>Every 48th row has a short phone number: rows 14, 62 and 110 in Excel.</summary>
    private static string Row(int i) => FormattableString.Invariant($"会员{i},{(i % 48 == 12 ? "12345" : $"138{i:D8}")},亲子阅读");
}
