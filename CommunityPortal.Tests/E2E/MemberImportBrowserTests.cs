using System.Text;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// A manager imports members from a CSV that Chinese Excel saved (GBK bytes made here): the preview reads the Chinese
/// names and shows the one bad row; a fixed file goes in after confirming, and the members exist with their tags.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberImportBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string ManagerEmail = "import-manager@example.com";
    private const string Password = "Manager-secret-2026";
    private const string Header = "昵称,备注名,手机,性别,地区,成长等级,标签";

    static MemberImportBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(ManagerEmail, Password, Roles.Manager, "运营经理");
        using var scope = server.Services.CreateScope();
        var tags = scope.ServiceProvider.GetRequiredService<TagService>();
        var group = await tags.CreateGroupAsync(new TagGroupInput { Name = "兴趣", Kind = TagGroupKind.Attribute });
        await tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = "亲子阅读" });
        await tags.CreateTagAsync(new TagInput { TagGroupId = group.Id, Name = "英语启蒙" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Manager_ImportsAGbkFileSavedByExcel_AfterFixingTheRowThePreviewFlagged()
    {
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(ManagerEmail, Password);
        await Assertions.Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("members/import");

        await ChooseAsync(page, ExcelGbk(
            "小雨妈妈,王老师,138 0013 8000,女,上海,S,亲子阅读;英语启蒙",
            "张晨曦,,1380013,男,广州,C,英语启蒙",
            "Amy 豆豆,,13900139000,,北京,,亲子阅读"));

        await Assertions.Expect(page.GetByTestId("import-encoding-used")).ToContainTextAsync("按 GBK 读取（自动识别）");
        await Assertions.Expect(page.GetByTestId("import-fix-errors")).ToContainTextAsync("有 1 行有错误");
        var rows = page.GetByTestId("preview-row");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        var bad = page.Locator("[data-testid=preview-row][data-row='3']");
        await Assertions.Expect(bad.Locator("td[data-column=Nickname]")).ToHaveTextAsync("张晨曦");
        await Assertions.Expect(bad.Locator("td.cell-error")).ToHaveTextAsync("1380013");
        await Assertions.Expect(bad.GetByTestId("preview-problem")).ToHaveTextAsync("手机：“1380013”不是有效的手机号（11 位，以 1 开头）");
        await Assertions.Expect(page.GetByTestId("import-start")).ToBeDisabledAsync();
        await page.GetByLabel("只看有问题的行").UncheckAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-row='2'] td[data-column=Nickname]")).ToHaveTextAsync("小雨妈妈");
        await Assertions.Expect(page.Locator("[data-row='4'] td[data-column=Tags]")).ToHaveTextAsync("亲子阅读");
        await Screenshots.TakeAsync(page, "member-import-errors-zh");

        await ChooseAsync(page, ExcelGbk(
            "小雨妈妈,王老师,138 0013 8000,女,上海,S,亲子阅读;英语启蒙",
            "张晨曦,,13800138001,男,广州,C,英语启蒙",
            "Amy 豆豆,,13900139000,,北京,,亲子阅读"));
        await Assertions.Expect(page.GetByTestId("import-ready")).ToContainTextAsync("新建 3 位会员");
        await page.GetByTestId("import-start").ClickAsync();
        await Assertions.Expect(portal.Dialog).ToContainTextAsync("新建 3 位会员、更新 0 位已有会员？");
        await portal.ConfirmAsync();

        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("导入完成：新建 3 位会员", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-result-numbers")).ToHaveTextAsync("新会员的学号：10001–10003");
        await Screenshots.TakeAsync(page, "member-import-done-zh");
        using (var scope = server.Services.CreateScope())
        {
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            var first = await members.GetByNumberAsync(10001);
            var second = await members.GetByNumberAsync(10002);
            var third = await members.GetByNumberAsync(10003);
            Assert.Equal(("小雨妈妈", "王老师", "13800138000", Gender.Female, "上海", GrowthLevel.S),
                (first.Nickname, first.RemarkName, first.Phone, first.Gender, first.Region, first.GrowthLevel));
            Assert.Equal(("张晨曦", "13800138001"), (second.Nickname, second.Phone));
            Assert.Equal("Amy 豆豆", third.Nickname);
            Assert.Equal(["亲子阅读", "英语启蒙"], UserTags(first));
            Assert.Equal(["英语启蒙"], UserTags(second));
            Assert.Equal(["亲子阅读"], UserTags(third));
        }

        var template = await page.Context.APIRequest.GetAsync(server.Url("members/import/template.csv"));
        Assert.Equal(200, template.Status);
        Assert.StartsWith("\uFEFF昵称,备注名,手机,UnionID", Encoding.UTF8.GetString(await template.BodyAsync()), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>What "另存为 CSV (逗号分隔)" in Chinese Excel writes: GBK bytes, CRLF line ends, no byte-order mark.</summary>
    private static byte[] ExcelGbk(params string[] rows) => Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    /// <summary>Sets the file once the upload says its file input is registered with the browser (data-ready).</summary>
    private static async Task ChooseAsync(IPage page, byte[] bytes)
    {
        await Assertions.Expect(page.GetByTestId("import-upload")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "会员名单.csv", MimeType = "text/csv", Buffer = bytes });
    }

    /// <summary>The member's tags without the batch tag the import adds (its own test covers that).</summary>
    private static string[] UserTags(MemberHeader member) => [.. member.Tags.Where(t => !t.Name.StartsWith("导入 ", StringComparison.Ordinal)).Select(t => t.Name).Order()];
}
