using System.Text;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>The member test database with the import services, and CSV files made in the test as Excel would save them.</summary>
public abstract class ImportTestBase : MemberTestBase
{
    protected const string ChineseHeader = "昵称,备注名,手机,UnionID,性别,地区,成长等级,标签,渠道,群";

    static ImportTestBase() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    protected MemberImportService Preview => ActivatorUtilities.CreateInstance<MemberImportService>(Database.Services);

    protected MemberImporter Importer => ActivatorUtilities.CreateInstance<MemberImporter>(Database.Services);

    /// <summary>Lines joined with CRLF, as Excel ends them.</summary>
    protected static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>What Chinese Excel writes for "CSV (逗号分隔)": GBK (code page 936), no byte-order mark.</summary>
    protected static byte[] Gbk(params string[] lines) => Encoding.GetEncoding("GBK").GetBytes(Lines(lines));

    protected static byte[] Utf8(params string[] lines) => new UTF8Encoding(false).GetBytes(Lines(lines));

    protected static byte[] Utf8Bom(params string[] lines) => [.. Encoding.UTF8.Preamble, .. Utf8(lines)];

    protected Task<ImportPreview> PreviewAsync(byte[] bytes, DuplicatePolicy policy = DuplicatePolicy.Skip, EncodingChoice encoding = EncodingChoice.Auto)
    {
        using var zh = new CultureScope("zh-CN");
        return Preview.PreviewAsync("会员.csv", bytes, encoding, policy);
    }

    /// <summary>(row, column as the header wrote it) of every problem, in order.</summary>
    protected static IReadOnlyList<(int Row, string Column)> Problems(ImportPreview preview) =>
        [.. preview.Errors.Select(e => (e.Row, e.ColumnName))];

    protected static string MessageAt(ImportPreview preview, int row, string column) =>
        Assert.Single(preview.Errors, e => e.Row == row && e.ColumnName == column).Message;

    protected async Task<int> LastIssuedAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<MemberNumberCounter>().Select(c => c.LastIssued).SingleAsync();
    }
}
