using System.Text;
using System.Text.RegularExpressions;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Infrastructure.Security;
using CommunityPortal.Tests.E2E.Infrastructure;
using CommunityPortal.Tests.E2E.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommunityPortal.Tests.E2E;

/// <summary>
/// An operator filters the member list by a tag and a growth level, saves the filter as a segment and tags every member
/// of it in bulk; a manager downloads the same members as CSV.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberListBrowserTests(ChromiumFixture chromium, PortalServer server) : IClassFixture<PortalServer>, IAsyncLifetime
{
    private const string Operator = "ml-operator@example.com";
    private const string Manager = "ml-manager@example.com";
    private const string Password = "Member-list-2026";
    private static readonly MemberActor Seeder = new("seed", "种子数据");

    public async Task InitializeAsync()
    {
        await server.CreateUserAsync(Operator, Password, Roles.Operator, "小王");
        await server.CreateUserAsync(Manager, Password, Roles.Manager, "王经理");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operator_FiltersSavesASegmentAndBulkTagsIt_ManagerDownloadsTheCsv()
    {
        var (keen, invited) = await SeedAsync();

        // The operator: 11 members in all; 4 are S and carry 高意向.
        var page = await chromium.NewPageAsync();
        await new LoginPage(page, server.BaseUrl).SignInAsync(Operator, Password);
        var portal = new PortalPage(page, server.BaseUrl);
        await portal.GotoAsync("/members");
        await Assertions.Expect(page.GetByTestId("members-total")).ToContainTextAsync("共 11 位会员");
        await Assertions.Expect(page.GetByTestId("export-csv")).ToHaveCountAsync(0);

        await page.GetByTestId("filter-all-toggle").ClickAsync();
        await page.GetByTestId("filter-all").GetByTestId("tag-option").Filter(new() { HasText = "高意向" }).ClickAsync();
        await page.GetByTestId("tag-picker-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("members-total")).ToContainTextAsync("筛选出 7 位会员");
        await portal.ChooseAsync("filter-level", "S 类（有直接需求）");
        await Assertions.Expect(page.GetByTestId("members-total")).ToContainTextAsync("筛选出 4 位会员");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/members\?all={keen}&level=S$"));
        await Assertions.Expect(MemberRows(page)).ToHaveCountAsync(4);
        await Screenshots.TakeAsync(page, "members-filtered-zh");

        // Saved as a segment: the address names it, and its count is shown.
        await page.GetByTestId("save-segment").ClickAsync();
        await page.Locator("#segment-name").FillAsync("高意向S类");
        await page.Locator("#segment-name").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/members\?all={keen}&level=S&seg=\d+$"));
        await Assertions.Expect(page.GetByTestId("segment-count")).ToHaveTextAsync("共 4 人");

        // Every member of the filter gets 已邀请, after a confirmation that says how many.
        await portal.ChooseAsync("bulk-tag", "活动 · 已邀请");
        await page.GetByTestId("bulk-add-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-question")).ToContainTextAsync("全部 4 位会员添加标签“活动 · 已邀请”");
        await Screenshots.TakeAsync(page, "members-bulk-confirm-zh");
        await page.GetByTestId("bulk-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-dialog")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(MemberRows(page).Filter(new() { HasText = "已邀请" })).ToHaveCountAsync(4);

        // And the list agrees: exactly those 4 carry it now.
        await portal.GotoAsync($"/members?all={invited}");
        await Assertions.Expect(page.GetByTestId("members-total")).ToContainTextAsync("筛选出 4 位会员");

        // The tags page counts the carriers of each tag.
        await portal.GotoAsync("/tags");
        await Assertions.Expect(page.GetByTestId("tag-row").Filter(new() { HasText = "高意向" })).ToContainTextAsync("7 人");
        await Assertions.Expect(page.GetByTestId("tag-row").Filter(new() { HasText = "已邀请" })).ToContainTextAsync("4 人");
        await Screenshots.TakeAsync(page, "tags-zh");
        await page.Context.CloseAsync();

        // The manager opens the segment and downloads it.
        var managerPage = await chromium.NewPageAsync();
        await new LoginPage(managerPage, server.BaseUrl).SignInAsync(Manager, Password);
        var managerPortal = new PortalPage(managerPage, server.BaseUrl);
        await managerPortal.GotoAsync("/members");
        await managerPortal.ChooseAsync("segment-pick", "高意向S类");
        await Assertions.Expect(managerPage.GetByTestId("members-total")).ToContainTextAsync("筛选出 4 位会员");
        var download = await managerPage.RunAndWaitForDownloadAsync(() => managerPage.GetByTestId("export-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Matches(@"^members-\d{8}-\d{4}\.csv$", download.SuggestedFilename);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\r', '\n').Split("\r\n");
        Assert.Equal("学号,昵称,备注名,手机号,UnionID,性别,地区,成长等级,状态,标签,来源渠道,加入时间", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.All(lines[1..], line => Assert.Contains("已邀请", line));
        Assert.Contains(lines, line => line.Contains(",'=SUM(A1),", StringComparison.Ordinal));
        // Managers get the full phone number.
        Assert.Contains(lines, line => line.Contains(",13800000001,", StringComparison.Ordinal));
        await managerPage.Context.CloseAsync();
    }

    /// <summary>The member list's rows: the grid's rows that link a 学号.</summary>
    private static ILocator MemberRows(IPage page) =>
        page.GetByTestId("members-grid").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId("member-no") });

    /// <summary>11 members: 4 S with 高意向 (one nicknamed like a formula), 3 A with 高意向, 4 S without; returns the tag ids.</summary>
    private async Task<(int Keen, int Invited)> SeedAsync()
    {
        using var scope = server.Services.CreateScope();
        var members = scope.ServiceProvider.GetRequiredService<MemberService>();
        var tags = scope.ServiceProvider.GetRequiredService<TagService>();
        var intent = await tags.CreateGroupAsync(new TagGroupInput { Name = "意向", Kind = TagGroupKind.Attribute });
        var activity = await tags.CreateGroupAsync(new TagGroupInput { Name = "活动", Kind = TagGroupKind.Behaviour });
        var keen = await tags.CreateTagAsync(new TagInput { TagGroupId = intent.Id, Name = "高意向", Colour = "#E53935" });
        var invited = await tags.CreateTagAsync(new TagInput { TagGroupId = activity.Id, Name = "已邀请", Colour = "#43A047" });
        var tagged = new List<int>();
        string[] sKeen = ["小雨妈妈", "豆豆爸爸", "=SUM(A1)", "阿May"];
        for (var i = 0; i < sKeen.Length; i++)
        {
            var m = await members.CreateAsync(new MemberInput { Nickname = sKeen[i], GrowthLevel = GrowthLevel.S, Phone = $"1380000000{i + 1}" }, Seeder);
            tagged.Add(m.Id);
        }
        for (var i = 0; i < 3; i++)
        {
            tagged.Add((await members.CreateAsync(new MemberInput { Nickname = $"活跃{i}", GrowthLevel = GrowthLevel.A }, Seeder)).Id);
        }
        for (var i = 0; i < 4; i++)
        {
            await members.CreateAsync(new MemberInput { Nickname = $"新人{i}", GrowthLevel = GrowthLevel.S }, Seeder);
        }
        await tags.BulkAddAsync(tagged, [keen.Id], Seeder);
        return (keen.Id, invited.Id);
    }
}
