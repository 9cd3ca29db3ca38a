using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Activities;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.SeriesEditor;
using CommunityPortal.Features.Matrix.Themes;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Import;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>The preview: every problem named by its Excel row and column, the counts, and nothing written.</summary>
public sealed class MemberImportPreviewTests : ImportTestBase
{
    private const string UnionA = "oAbcdefghijklmnopqrstuvwxyz01";
    private const string UnionB = "oBbcdefghijklmnopqrstuvwxyz02";
    private const string UnionC = "oCbcdefghijklmnopqrstuvwxyz03";

    [Fact]
    public async Task Preview_GbkFileSavedByExcel_IsDetected_AndShowsTheChineseNames()
    {
        var preview = await PreviewAsync(Gbk(ChineseHeader, "小雨妈妈,王老师,13800138000,,女,上海,C,,,", "张晨曦,,13900139000,,男,广州,A,,,"));

        Assert.Equal(CsvEncoding.Gbk, preview.File.Encoding);
        Assert.Equal(["小雨妈妈", "张晨曦"], preview.Rows.Select(r => r.Source[ImportColumn.Nickname]));
        Assert.Equal(["上海", "广州"], preview.Rows.Select(r => r.Region));
        Assert.Empty(preview.Errors);
        Assert.Equal((2, 0, 0, 0), (preview.New, preview.Update, preview.Skip, preview.Error));
        Assert.True(preview.CanImport);
        Assert.Equal(0, await CountAsync<Member>());
    }

    [Fact]
    public async Task Preview_Utf8WithAndWithoutBom_ReadTheSameRows()
    {
        string[] lines = [ChineseHeader, "小雨妈妈,王老师,13800138000,,女,上海,C,,,"];

        var withBom = await PreviewAsync(Utf8Bom(lines));
        var withoutBom = await PreviewAsync(Utf8(lines));

        Assert.All([withBom, withoutBom], p =>
        {
            Assert.Equal(CsvEncoding.Utf8, p.File.Encoding);
            Assert.Equal("昵称", p.File.Headers[ImportColumn.Nickname]);
            Assert.Equal(("小雨妈妈", "王老师", "13800138000"), (p.Rows[0].Nickname, p.Rows[0].RemarkName, p.Rows[0].Phone));
            Assert.Empty(p.Errors);
        });
    }

    [Fact]
    public async Task Preview_GbkFileReadAsUtf8_SaysTheEncodingIsWrong_AndGbkReadsItRight()
    {
        var chineseHeader = Gbk(ChineseHeader, "小雨妈妈,,,,,,,,,");
        var englishHeader = Gbk("nickname,region", "小雨妈妈,上海");

        var wrongHeader = await PreviewAsync(chineseHeader, encoding: EncodingChoice.Utf8);
        var wrongCells = await PreviewAsync(englishHeader, encoding: EncodingChoice.Utf8);
        var right = await PreviewAsync(englishHeader, encoding: EncodingChoice.Gbk);

        Assert.Contains("GBK", Assert.Single(wrongHeader.File.FileErrors), StringComparison.Ordinal);
        Assert.Equal([(2, "nickname"), (2, "region")], Problems(wrongCells));
        Assert.Contains("GBK", MessageAt(wrongCells, 2, "nickname"), StringComparison.Ordinal);
        Assert.Equal(("小雨妈妈", "上海"), (right.Rows[0].Nickname, right.Rows[0].Region));
        Assert.Empty(right.Errors);
    }

    [Fact]
    public async Task Preview_EnglishHeaders_MapTheSameColumns_AndNamesWhatIsNotImported()
    {
        var preview = await PreviewAsync(Utf8("Nickname,Remark,Phone,unionid,Gender,Region,Growth,Tags,Channel,Group,学号,备注",
            $"Amy,Ms Wang,+86 139-0013-9000,{UnionA},female,Shanghai,a,,,,10001,VIP"));

        var row = Assert.Single(preview.Rows);
        Assert.Equal(10, preview.File.Headers.Count);
        Assert.Equal(["备注"], preview.File.IgnoredHeaders);
        Assert.True(preview.File.HasMemberNumberColumn);
        Assert.Equal(("Amy", "Ms Wang", "13900139000", UnionA, Gender.Female, "Shanghai", GrowthLevel.A),
            (row.Nickname, row.RemarkName, row.Phone, row.UnionId, row.Gender, row.Region, row.GrowthLevel));
        Assert.Empty(preview.Errors);
    }

    [Fact]
    public async Task Preview_HeaderWithoutNickname_OrWithAColumnTwice_IsRefusedAsAFile()
    {
        var noNickname = await PreviewAsync(Utf8("手机,地区", "13800138000,上海"));
        var twice = await PreviewAsync(Utf8("昵称,手机,手机号", "甲,13800138000,13800138000"));

        Assert.Contains("昵称", Assert.Single(noNickname.File.FileErrors), StringComparison.Ordinal);
        Assert.Contains("手机号", Assert.Single(twice.File.FileErrors), StringComparison.Ordinal);
        Assert.False(noNickname.CanImport);
        Assert.False(twice.CanImport);
    }

    [Fact]
    public async Task Preview_EveryKindOfBadInput_IsNamedByExcelRowAndColumn()
    {
        await TagAsync("亲子阅读");
        await GroupAsync("福利1群");
        await ChannelAsync("公众号文章");
        var tooLong = new string('长', Member.NicknameMax + 1);

        var preview = await PreviewAsync(Utf8(ChineseHeader,
            "甲,,1380013800,,,,,,,",
            "乙,,,o-short,,,,,,",
            $"丙,,,{UnionA},,,,,,",
            $"丁,,,{UnionA},,,,,,",
            "戊,,13800138001,,,,,,,",
            "己,,138 0013 8001,,,,,,,",
            "庚,,,,,,,不存在的标签,,",
            "辛,,,,,,,,,不存在的群",
            ",王老师,,,,,,,,",
            $"{tooLong},,,,,,,,,",
            "癸,,,,男人,,,,,",
            "子,,,,,,B,,,",
            "丑,,,,,,,,不存在的渠道,",
            $"寅,,,,,{new string('区', Member.RegionMax + 1)},,,,",
            "卯,,13800138002,,男,上海,S,亲子阅读,公众号文章,福利1群",
            "辰,,1.38001E+10,,,,,,,"));

        Assert.Equal(
            [(2, "手机"), (3, "UnionID"), (5, "UnionID"), (7, "手机"), (8, "标签"), (9, "群"), (10, "昵称"), (11, "昵称"), (12, "性别"),
             (13, "成长等级"), (14, "渠道"), (15, "地区"), (17, "手机")],
            Problems(preview));
        Assert.Contains("1380013800", MessageAt(preview, 2, "手机"), StringComparison.Ordinal);
        Assert.Contains("20", MessageAt(preview, 3, "UnionID"), StringComparison.Ordinal);
        Assert.Equal("与第 4 行重复", MessageAt(preview, 5, "UnionID"));
        Assert.Equal("与第 6 行重复", MessageAt(preview, 7, "手机"));
        Assert.Contains("不存在的标签", MessageAt(preview, 8, "标签"), StringComparison.Ordinal);
        Assert.Contains("不存在的群", MessageAt(preview, 9, "群"), StringComparison.Ordinal);
        Assert.Equal("必填", MessageAt(preview, 10, "昵称"));
        Assert.Equal("最多 64 个字，这里有 65 个", MessageAt(preview, 11, "昵称"));
        Assert.Contains("男人", MessageAt(preview, 12, "性别"), StringComparison.Ordinal);
        Assert.Contains("不存在的渠道", MessageAt(preview, 14, "渠道"), StringComparison.Ordinal);
        Assert.Contains("文本", MessageAt(preview, 17, "手机"), StringComparison.Ordinal);
        Assert.Equal((3, 0, 0, 13), (preview.New, preview.Update, preview.Skip, preview.Error));
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task Preview_CellsStartingWithAFormulaCharacter_AreRefused_ButAPhoneWithPlus86IsJustANumber()
    {
        var preview = await PreviewAsync(Utf8(ChineseHeader,
            "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",,,,,,,,,",
            "甲,@SUM(A1),,,,,,,,",
            "乙,,,,,-2+3,,,,",
            "+小王,,,,,,,,,",
            "丙,,+86 138 0013 8000,,,,,,,",
            "丁,,=13800138001,,,,,,,"));

        Assert.Equal([(2, "昵称"), (3, "备注名"), (4, "地区"), (5, "昵称"), (7, "手机")], Problems(preview));
        Assert.Contains("“=”", MessageAt(preview, 2, "昵称"), StringComparison.Ordinal);
        Assert.Contains("“@”", MessageAt(preview, 3, "备注名"), StringComparison.Ordinal);
        Assert.Contains("“-”", MessageAt(preview, 4, "地区"), StringComparison.Ordinal);
        Assert.Contains("“+”", MessageAt(preview, 5, "昵称"), StringComparison.Ordinal);
        Assert.Equal(("13800138000", RowAction.New), (preview.Rows[4].Phone, preview.Rows[4].Action));
    }

    [Fact]
    public async Task Preview_RowNumbersAreExcelRows_ThroughEmptyRowsAndQuotedLineBreaks_AndBrokenRowsAreNamed()
    {
        var preview = await PreviewAsync(Utf8("昵称,地区",
            "甲,上海",
            ",",
            "\"乙\n丙\",北京",
            "丁,=1",
            "戊,上海,多出来的",
            "己\"庚,上海"));

        Assert.Equal([(4, "昵称"), (5, "地区"), (6, ""), (7, "")], Problems(preview));
        Assert.Contains("换行", MessageAt(preview, 4, "昵称"), StringComparison.Ordinal);
        Assert.Contains("3", MessageAt(preview, 6, ""), StringComparison.Ordinal);
        Assert.Contains("引号", MessageAt(preview, 7, ""), StringComparison.Ordinal);
        Assert.Equal([2, 4, 5, 6, 7], preview.Rows.Select(r => r.Source.Number));
    }

    [Fact]
    public async Task Preview_TagsSeparatedBySemicolonsOrDunhao_AreFound_AndRepeatedNamesNeedTheirGroup()
    {
        var reading = await TagAsync("亲子阅读");
        var english = await TagAsync("英语启蒙");
        var core = await TagAsync("核心用户", group: "成长", kind: TagGroupKind.Growth);
        var coding = await TagAsync("编程");
        await TagAsync("编程", group: "技能");

        var preview = await PreviewAsync(Utf8("昵称,标签",
            "甲,亲子阅读;英语启蒙",
            "乙,亲子阅读、核心用户；英语启蒙",
            "丙,编程",
            "丁,兴趣/编程",
            "戊,亲子阅读;没有这个;也没有"));

        Assert.Equal([reading.Id, english.Id], preview.Rows[0].TagIds);
        Assert.Equal([reading.Id, core.Id, english.Id], preview.Rows[1].TagIds);
        Assert.Equal([coding.Id], preview.Rows[3].TagIds);
        Assert.Equal([(4, "标签"), (6, "标签")], Problems(preview));
        Assert.Contains("兴趣/编程", MessageAt(preview, 4, "标签"), StringComparison.Ordinal);
        Assert.Contains("没有这个、也没有", MessageAt(preview, 6, "标签"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_Groups_ByNameOrByNumber_RefusesAmbiguousArchivedAndFullOnes()
    {
        var core = await GroupAsync("核心群", capacity: 2);
        var first = await GroupInActivityAsync("福利1群", 1);
        var second = await GroupInActivityAsync("福利1群", 2);
        var archived = await GroupAsync("旧群");
        await Database.Get<GroupService>().ArchiveAsync(archived.Id);

        var preview = await PreviewAsync(Utf8("昵称,群", "甲,核心群", "乙,核心群", "丙,核心群", "丁,福利1群", $"戊,#{second.Id}", "己,旧群"));

        Assert.Equal([core.Id, core.Id], preview.Rows.Take(2).Select(r => r.GroupId));
        Assert.Equal(second.Id, preview.Rows[4].GroupId);
        Assert.Equal([(4, "群"), (5, "群"), (7, "群")], Problems(preview));
        Assert.Equal("群“核心群”已满（容量 2 人）", MessageAt(preview, 4, "群"));
        Assert.Contains($"#{first.Id} #{second.Id}", MessageAt(preview, 5, "群"), StringComparison.Ordinal);
        Assert.Contains("已归档", MessageAt(preview, 7, "群"), StringComparison.Ordinal);
    }

    /// <summary>Every period has its 福利1群: the same name in two activities.</summary>
    private async Task<GroupDto> GroupInActivityAsync(string name, int period)
    {
        var themes = Database.Get<ThemeService>();
        var theme = (await themes.ListAsync()).FirstOrDefault() ?? await themes.CreateAsync(new ThemeInput { Name = "亲子阅读" });
        var series = (await Database.Get<SeriesService>().ListAsync(theme.Id)).FirstOrDefault()
            ?? await Database.Get<SeriesService>().CreateAsync(new SeriesInput { ThemeId = theme.Id, Name = "21天共读" });
        var activity = await Database.Get<ActivityService>().CreateAsync(new ActivityInput
        {
            SeriesId = series.Id, PeriodNo = period, StartDate = new DateOnly(2026, 11, period), EndDate = new DateOnly(2026, 11, period + 20),
        });
        return await Database.Get<GroupService>().CreateAsync(new GroupInput { ActivityId = activity.Id, Name = name, Status = GroupStatus.Open });
    }

    [Fact]
    public async Task Preview_ExistingMembers_ByUnionIdOrPhone_AreSkippedOrUpdatedAsChosen()
    {
        var byUnion = await CreateMemberAsync("老会员", unionId: UnionA);
        var byPhone = await CreateMemberAsync("老朋友", phone: "13900139000");
        byte[] file = Utf8("昵称,手机,UnionID", $"新名字,,{UnionA}", "换了昵称,139 0013 9000,", "新人,13700137000,");

        var skip = await PreviewAsync(file);
        var update = Preview.Replan(skip, DuplicatePolicy.Update);

        Assert.Equal([byUnion.Id, byPhone.Id, (int?)null], skip.Rows.Select(r => r.Existing?.Id));
        Assert.Equal([RowAction.Skip, RowAction.Skip, RowAction.New], skip.Rows.Select(r => r.Action));
        Assert.Equal((1, 0, 2, 0), (skip.New, skip.Update, skip.Skip, skip.Error));
        Assert.Equal((1, 2, 0, 0), (update.New, update.Update, update.Skip, update.Error));
        Assert.True(skip.CanImport);
    }

    [Fact]
    public async Task Preview_ARowNamingTwoMembers_OrAMemberNamedTwice_IsAnError()
    {
        var a = await CreateMemberAsync("甲", phone: "13800138000", unionId: UnionA);
        var b = await CreateMemberAsync("乙", phone: "13900139000", unionId: UnionB);
        var c = await CreateMemberAsync("丙", phone: "13700137000", unionId: UnionC);

        var preview = await PreviewAsync(Utf8("昵称,手机,UnionID", $"混在一起,13900139000,{UnionA}", $"丙,,{UnionC}", "丙的手机,13700137000,"),
            DuplicatePolicy.Update);

        Assert.Equal([(2, "手机"), (4, "手机")], Problems(preview));
        Assert.Equal($"UnionID 属于学号 {a.MemberNo}，手机号属于学号 {b.MemberNo}：不能确定是哪位会员", MessageAt(preview, 2, "手机"));
        Assert.Equal($"与第 3 行是同一位会员（学号 {c.MemberNo}）", MessageAt(preview, 4, "手机"));
    }

    [Fact]
    public async Task Preview_AFileOver20Megabytes_OrOver200000Rows_IsRefusedWithTheLimit()
    {
        var huge = new byte[(int)CsvMemberReader.MaxBytes + 1];
        huge.AsSpan().Fill((byte)'a');
        var manyRows = Utf8(["昵称", .. Enumerable.Repeat("甲", CsvMemberReader.MaxRows + 1)]);

        var tooLarge = await PreviewAsync(huge);
        var tooMany = await PreviewAsync(manyRows);

        Assert.Contains("20 MB", Assert.Single(tooLarge.File.FileErrors), StringComparison.Ordinal);
        Assert.Contains("200,000", Assert.Single(tooMany.File.FileErrors), StringComparison.Ordinal);
        Assert.Empty(tooMany.Rows);
        Assert.False(tooLarge.CanImport || tooMany.CanImport);
    }
}
