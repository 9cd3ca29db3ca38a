using System.Text;
using CommunityPortal.Features.Indices.Dashboards;

namespace CommunityPortal.Tests.Features.Indices.Dashboards;

public sealed class IndexTableTests
{
    private sealed record Row(string Name, DateOnly Day, int Count, double? Share, decimal? Money);

    private static readonly IndexTable Table = IndexTable.Of("t", "表", [new Row("甲", new(2026, 12, 3), 12345, 0.1234, 1234.5m), new Row("乙", new(2026, 12, 4), 0, null, null)],
        new IndexColumn<Row>("名称", CellKind.Text, r => r.Name),
        new IndexColumn<Row>("日期", CellKind.Date, r => r.Day),
        new IndexColumn<Row>("人数", CellKind.Count, r => r.Count, heat: true),
        new IndexColumn<Row>("比例", CellKind.Percent, r => r.Share),
        new IndexColumn<Row>("金额", CellKind.Money, r => r.Money));

    [Fact]
    public void Page_ShowsNumbersInTheReadersCultureAndNoValueAsADash()
    {
        using var culture = new CultureScope("en");
        var row = Table.Rows[0];

        Assert.Equal(["甲", "12/3/2026", "12,345", "12.3%", "1,234.50"], Table.Columns.Select((c, i) => IndexCells.Display(c.Kind, row[i])));
        Assert.Equal("—", IndexCells.Display(CellKind.Percent, Table.Rows[1][3]));
    }

    [Fact]
    public void Csv_HasPlainNumbersEmptyCellsForNoValueAndTheBom()
    {
        using var culture = new CultureScope("de-DE");

        var bytes = DashboardCsv.Write(Table);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("名称,日期,人数,比例,金额\r\n甲,2026-12-03,12345,0.1234,1234.50\r\n乙,2026-12-04,0,,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void HeatMax_IsTheLargestShadedValue()
    {
        Assert.Equal(12345, Table.HeatMax());
    }
}
