using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Tests.Features.Members.Import;

public sealed class MemberImportTemplateTests : ImportTestBase
{
    [Fact]
    public async Task Template_InChinese_HasABomEveryColumnAndAnExampleRowThatImportsCleanly()
    {
        byte[] csv;
        using (new CultureScope("zh-CN"))
        {
            csv = MemberImportTemplate.Csv(Database.Get<IStringLocalizer<ImportText>>());
        }

        var preview = await PreviewAsync(csv);

        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith(ChineseHeader + "\r\n", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        Assert.Equal(10, preview.File.Headers.Count);
        Assert.Equal((1, 0), (preview.New, preview.Error));
        Assert.Equal(("小雨妈妈", "13800138000"), (preview.Rows[0].Nickname, preview.Rows[0].Phone));
    }

    [Fact]
    public async Task Template_InEnglish_HasEnglishHeadersThatImportTheSame()
    {
        byte[] csv;
        using (new CultureScope("en"))
        {
            csv = MemberImportTemplate.Csv(Database.Services.GetRequiredService<IStringLocalizer<ImportText>>());
        }

        var preview = await PreviewAsync(csv);

        Assert.StartsWith("nickname,remark,phone,UnionID,gender,region,growth,tags,channel,group\r\n",
            System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
        Assert.Equal((1, 0), (preview.New, preview.Error));
        Assert.Equal(Gender.Female, preview.Rows[0].Gender);
    }
}
