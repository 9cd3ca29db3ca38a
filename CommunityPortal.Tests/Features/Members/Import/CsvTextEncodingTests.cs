using System.Text;
using CommunityPortal.Features.Members.Import;

namespace CommunityPortal.Tests.Features.Members.Import;

public sealed class CsvTextEncodingTests
{
    private const string Sample = "昵称,手机,地区\r\n小雨妈妈,13800138000,上海\r\n张晨曦,13900139000,广州\r\n";

    static CsvTextEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Detect_GbkBytesAsExcelSavesThem_IsGbk_AndDecodesToTheChineseText()
    {
        var bytes = Encoding.GetEncoding("GBK").GetBytes(Sample);

        Assert.Equal(CsvEncoding.Gbk, CsvTextEncoding.Detect(bytes));
        Assert.Equal((Sample, CsvEncoding.Gbk), CsvTextEncoding.Decode(bytes, EncodingChoice.Auto));
    }

    [Fact]
    public void Detect_Utf8WithoutBom_IsUtf8()
    {
        var bytes = new UTF8Encoding(false).GetBytes(Sample);

        Assert.Equal((Sample, CsvEncoding.Utf8), CsvTextEncoding.Decode(bytes, EncodingChoice.Auto));
    }

    [Fact]
    public void Detect_Utf8WithBom_IsUtf8_AndTheBomIsNotPartOfTheText()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)];

        Assert.Equal((Sample, CsvEncoding.Utf8), CsvTextEncoding.Decode(bytes, EncodingChoice.Auto));
    }

    [Fact]
    public void Detect_Utf16WithBom_AsExcelsUnicodeText_IsUtf16()
    {
        byte[] bytes = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(Sample)];

        Assert.Equal((Sample, CsvEncoding.Utf16), CsvTextEncoding.Decode(bytes, EncodingChoice.Auto));
    }

    [Fact]
    public void Detect_PlainAscii_IsUtf8()
    {
        Assert.Equal(CsvEncoding.Utf8, CsvTextEncoding.Detect("nickname,phone\r\nAmy,13800138000\r\n"u8));
    }

    [Fact]
    public void Decode_WhenTheUserChoosesTheWrongEncoding_TheirChoiceWins_AndUnreadableBytesShowAsReplacementCharacters()
    {
        var gbk = Encoding.GetEncoding("GBK").GetBytes(Sample);
        var utf8 = Encoding.UTF8.GetBytes(Sample);

        var (asUtf8, used) = CsvTextEncoding.Decode(gbk, EncodingChoice.Utf8);
        var (asGbk, _) = CsvTextEncoding.Decode(utf8, EncodingChoice.Gbk);

        Assert.Equal(CsvEncoding.Utf8, used);
        Assert.Contains('\uFFFD', asUtf8);
        Assert.DoesNotContain("小雨妈妈", asGbk, StringComparison.Ordinal);
        Assert.Equal(Sample, CsvTextEncoding.Decode(gbk, EncodingChoice.Gbk).Text);
    }
}
