using System.Text;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Export;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Export;

/// <summary>The CSV download: Excel-readable Chinese, no formulas, the filter's members only, written page by page.</summary>
public sealed class MemberCsvExportTests : MemberTestBase
{
    private MemberCsvExport Export => ActivatorUtilities.CreateInstance<MemberCsvExport>(Database.Services);

    [Fact]
    public async Task Export_StartsWithABom_AndWritesChineseAsUtf8()
    {
        using var culture = new CultureScope("zh-CN");
        await CreateMemberAsync("小雨妈妈", phone: "13812345678");

        var bytes = await ExportAsync(new MemberFilter());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Lines(bytes);
        Assert.Equal("学号,昵称,备注名,手机号,UnionID,性别,地区,成长等级,状态,标签,来源渠道,加入时间", lines[0]);
        Assert.StartsWith("10001,小雨妈妈,,13812345678,,未知,,C,正常,,,", lines[1]);
    }

    [Fact]
    public async Task Export_WritesEveryColumn_WithTheFullPhone_TagsAndChannel()
    {
        using var culture = new CultureScope("en");
        var channel = await ChannelAsync("公众号文章");
        var keen = await TagAsync("高意向");
        var reading = await TagAsync("阅读");
        var member = await Members.CreateAsync(new MemberInput
        {
            Nickname = "Amy", RemarkName = "王老师", Phone = "139 0000 1111", UnionId = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M",
            Gender = Gender.Female, Region = "上海", GrowthLevel = GrowthLevel.S, FirstChannelId = channel,
        }, Xiaowang);
        await Tags.BulkAddAsync([member.Id], [keen.Id, reading.Id], Xiaowang);

        var row = Lines(await ExportAsync(new MemberFilter()))[1].Split(',');

        Assert.Equal(["10001", "Amy", "王老师", "13900001111", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "Female", "上海", "S", "Active"], row[..9]);
        // The channel's automatic behaviour tag comes with it.
        Assert.Equal("公众号文章; 阅读; 高意向", row[9]);
        Assert.Equal("公众号文章", row[10]);
        var local = CommunityPortal.Infrastructure.Time.PortalTime.ToLocal(member.CreatedAt);
        Assert.Equal(local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), row[11]);
    }

    [Fact]
    public async Task Export_NeutralisesFormulasInNames()
    {
        await Members.CreateAsync(new MemberInput { Nickname = "=HYPERLINK(\"http://x\")", RemarkName = "@SUM(A1)", Region = "-1+1" }, Xiaowang);
        await CreateMemberAsync("+小雨");

        var text = Encoding.UTF8.GetString(await ExportAsync(new MemberFilter()));

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1)", text);
        Assert.Contains(",'-1+1,", text);
        Assert.Contains(",'+小雨,", text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",@", text);
    }

    [Fact]
    public async Task Export_HoldsOnlyTheMembersTheFilterMatches()
    {
        var keen = await TagAsync("高意向");
        var yu = await CreateMemberAsync("小雨妈妈", level: GrowthLevel.S);
        var amy = await CreateMemberAsync("Amy", level: GrowthLevel.S);
        await CreateMemberAsync("豆豆爸爸", level: GrowthLevel.C);
        await Tags.BulkAddAsync([yu.Id, amy.Id], [keen.Id], Xiaowang);
        await Members.BlacklistAsync(amy.Id, "发广告", Xiaowang);

        var lines = Lines(await ExportAsync(new MemberFilter { TagsAllOf = [keen.Id], Status = MemberStatus.Active, GrowthLevel = GrowthLevel.S }));

        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{yu.MemberNo},小雨妈妈,", lines[1]);
    }

    [Fact]
    public async Task Export_IsWrittenPageByPage_InMemberNoOrder_WithEveryMemberOnce()
    {
        await ManyMembersAsync(7);
        var output = new FlushCountingStream();

        var written = await Export.WriteAsync(output, new MemberFilter(), pageSize: 3);

        Assert.Equal(7, written);
        // BOM and header, then pages of 3, 3 and 1: each flushed before the next page is read.
        Assert.Equal(4, output.Flushes);
        Assert.Equal([1, 3, 3, 1], output.LinesPerFlush);
        var numbers = Lines(output.ToArray()).Skip(1).Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(10001, 7), numbers);
    }

    [Fact]
    public async Task Export_OfNobody_IsJustTheHeader()
    {
        await CreateMemberAsync("小雨妈妈");

        var lines = Lines(await ExportAsync(new MemberFilter { Search = "不存在的人" }));

        Assert.Single(lines);
    }

    [Fact]
    public void FileName_IsStampedInPortalTime()
    {
        Assert.Equal("members-20261123-0030.csv", MemberCsvExport.FileName(new DateTime(2026, 11, 22, 16, 30, 0, DateTimeKind.Utc)));
    }

    private async Task<byte[]> ExportAsync(MemberFilter filter)
    {
        using var output = new MemoryStream();
        await Export.WriteAsync(output, filter);
        return output.ToArray();
    }

    private static string[] Lines(byte[] bytes)
    {
        var text = new UTF8Encoding(false).GetString(bytes.AsSpan(3));
        Assert.EndsWith("\r\n", text);
        return text[..^2].Split("\r\n");
    }

    /// <summary>Records how many CSV lines reached the stream before each flush.</summary>
    private sealed class FlushCountingStream : MemoryStream
    {
        private long _flushedAt;

        public int Flushes { get; private set; }

        public List<int> LinesPerFlush { get; } = [];

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            var chunk = Encoding.UTF8.GetString(GetBuffer(), (int)_flushedAt, (int)(Length - _flushedAt));
            LinesPerFlush.Add(chunk.Split("\r\n").Length - 1);
            _flushedAt = Length;
            return Task.CompletedTask;
        }
    }
}
