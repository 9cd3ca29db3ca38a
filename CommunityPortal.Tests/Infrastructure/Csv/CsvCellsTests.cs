using System.Text;
using CommunityPortal.Infrastructure.Csv;

namespace CommunityPortal.Tests.Infrastructure.Csv;

/// <summary>CSV injection: a cell a spreadsheet would run as a formula is written as text.</summary>
public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"点我\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+8613812345678", "'+8613812345678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    public void Cell_StartingLikeAFormula_GetsAnApostrophe(string value, string expected)
    {
        Assert.Equal(expected, CsvCells.Cell(value));
    }

    [Theory]
    [InlineData("小雨妈妈", "小雨妈妈")]
    [InlineData("a=b", "a=b")]
    [InlineData("10001", "10001")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("张三, 李四", "\"张三, 李四\"")]
    [InlineData("说\"你好\"", "\"说\"\"你好\"\"\"")]
    [InlineData("两行\n文字", "\"两行\n文字\"")]
    public void Cell_OrdinaryText_IsLeftAlone_OrQuoted(string? value, string expected)
    {
        Assert.Equal(expected, CsvCells.Cell(value));
    }

    [Fact]
    public void AppendLine_SeparatesWithCommas_AndEndsWithCrLf()
    {
        var line = new StringBuilder();

        CsvCells.AppendLine(line, ["10001", "=cmd", null, "a,b"]);

        Assert.Equal("10001,'=cmd,,\"a,b\"\r\n", line.ToString());
    }
}
