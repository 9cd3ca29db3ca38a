using Bunit;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CommunityPortal.Tests.Features.Members.Import;

public sealed class MemberImportPageTests : ImportComponentTestBase
{
    private const string Header = "昵称,手机,标签";

    [Fact]
    public async Task AFileWithErrors_CannotBeImported_AndAFixedOneIsImportedAfterConfirming()
    {
        using var culture = Chinese();
        await TagAsync("亲子阅读");
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MemberImportPage>();

        Upload(cut, Gbk(Header, "小雨妈妈,13800138000,亲子阅读", "张晨曦,1380013,亲子阅读"));

        cut.WaitForElement("[data-testid=import-fix-errors]");
        Assert.Contains("按 GBK 读取（自动识别）", cut.Find("[data-testid=import-encoding-used]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=import-start]").HasAttribute("disabled"));
        Assert.Equal("张晨曦", cut.Find("[data-row='3'] td[data-column=Nickname]").TextContent);

        Upload(cut, Gbk(Header, "小雨妈妈,13800138000,亲子阅读", "张晨曦,13800138001,亲子阅读"));
        cut.WaitForElement("[data-testid=import-ready]");
        cut.Find("[data-testid=import-start]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("新建 2 位会员", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal("导入", dialogs.Find("[data-testid=confirm-ok]").TextContent.Trim());
        dialogs.Find("[data-testid=confirm-ok]").Click();

        cut.WaitForAssertion(() => Assert.Contains("导入完成：新建 2 位会员", cut.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Equal("新会员的学号：10001–10002", cut.Find("[data-testid=import-result-numbers]").TextContent);
        await using var db = Database.CreateDbContext();
        Assert.Equal(["小雨妈妈", "张晨曦"], await db.Set<Member>().OrderBy(m => m.MemberNo).Select(m => m.Nickname).ToListAsync());
    }

    [Fact]
    public async Task TheImportBelongsToTheUser_APageOpenedLaterShowsItsResult_AndStartOverClearsIt()
    {
        using var culture = Chinese();
        var preview = await PreviewAsync(Gbk(Header, "小雨妈妈,13800138000,"));
        var job = Get<MemberImportJobs>().Start("manager@example.com", preview, MemberActor.System);
        await job.Completion;

        var cut = Render<MemberImportPage>();

        Assert.Contains("导入完成", cut.Find("[data-testid=import-result]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=import-again]").Click();
        cut.WaitForElement("[data-testid=import-upload]");
        Assert.Null(Get<MemberImportJobs>().Find("manager@example.com"));
    }

    [Fact]
    public async Task ABigImport_ShowsRowsDoneOfTotal_AndCancellingWritesNothing()
    {
        using var culture = Chinese();
        var preview = await PreviewAsync(Gbk(["昵称", .. Enumerable.Range(0, 40_000).Select(i => $"会员{i}")]));
        var job = Get<MemberImportJobs>().Start("manager@example.com", preview, MemberActor.System);

        var cut = Render<MemberImportPage>();
        cut.WaitForAssertion(() => Assert.Matches(@"^\d{1,3}(,\d{3})* / 40,000 行$", cut.Find("[data-testid=import-progress-rows]").TextContent.Trim()));
        cut.Find("[data-testid=import-cancel]").Click();
        await job.Completion;

        cut.WaitForAssertion(() => Assert.EndsWith("导入已取消，没有写入任何数据。", cut.Find("[data-testid=import-result]").TextContent.Trim(),
            StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Set<Member>().CountAsync());
    }

    [Fact]
    public void AFileOverTheLimit_IsRefusedBeforeItIsRead()
    {
        using var culture = Chinese();
        var cut = Render<MemberImportPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[21 * 1024 * 1024], "大文件.csv", contentType: "text/csv"));

        cut.WaitForAssertion(() => Assert.EndsWith("文件太大：21.0 MB，最大 20 MB。请拆成几个文件。", cut.Find("[data-testid=import-file-error]").TextContent.Trim(),
            StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=import-start]").HasAttribute("disabled"));
    }

    private static void Upload(IRenderedComponent<MemberImportPage> cut, byte[] bytes) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, "会员.csv", contentType: "text/csv"));
}
