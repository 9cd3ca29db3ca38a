using System.Text;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using CommunityPortal.Features.Members.Tags;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>bUnit over the real services (ComponentTest, a manager is signed in), with CSV files made in the test.</summary>
public abstract class ImportComponentTestBase : ComponentTest
{
    static ImportComponentTestBase() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    protected static byte[] Gbk(params string[] lines) => Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n", lines) + "\r\n");

    protected Task<TagDto> TagAsync(string name, string group = "兴趣") => Services.TagAsync(name, group);

    protected Task<ImportPreview> PreviewAsync(byte[] bytes, DuplicatePolicy policy = DuplicatePolicy.Skip) =>
        Get<MemberImportService>().PreviewAsync("会员.csv", bytes, EncodingChoice.Auto, policy);
}
