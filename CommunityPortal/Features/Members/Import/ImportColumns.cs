
namespace CommunityPortal.Features.Members.Import;

/// <summary>The columns a member CSV may have. 学号 is not one: numbers are given by the portal (ADR 013).</summary>
public enum ImportColumn
{
    Nickname = 0,
    RemarkName = 1,
    Phone = 2,
    UnionId = 3,
    Gender = 4,
    Region = 5,
    GrowthLevel = 6,
    Tags = 7,
    Channel = 8,
    Group = 9,
}

/// <summary>
/// Header names, Chinese or English, as a file format (not UI text): a file written by a Chinese team imports the same
/// on an English page. Matching ignores case, spaces and underscores.
/// </summary>
public static class ImportColumns
{
    public static IReadOnlyList<ImportColumn> All { get; } = Enum.GetValues<ImportColumn>();

    private static readonly Dictionary<string, ImportColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["昵称"] = ImportColumn.Nickname, ["微信昵称"] = ImportColumn.Nickname, ["nickname"] = ImportColumn.Nickname,
        ["备注名"] = ImportColumn.RemarkName, ["remark"] = ImportColumn.RemarkName, ["remarkname"] = ImportColumn.RemarkName,
        ["手机"] = ImportColumn.Phone, ["手机号"] = ImportColumn.Phone, ["手机号码"] = ImportColumn.Phone, ["phone"] = ImportColumn.Phone,
        ["mobile"] = ImportColumn.Phone,
        ["unionid"] = ImportColumn.UnionId,
        ["性别"] = ImportColumn.Gender, ["gender"] = ImportColumn.Gender,
        ["地区"] = ImportColumn.Region, ["region"] = ImportColumn.Region,
        ["成长等级"] = ImportColumn.GrowthLevel, ["growth"] = ImportColumn.GrowthLevel, ["growthlevel"] = ImportColumn.GrowthLevel,
        ["标签"] = ImportColumn.Tags, ["tags"] = ImportColumn.Tags, ["tag"] = ImportColumn.Tags,
        ["渠道"] = ImportColumn.Channel, ["channel"] = ImportColumn.Channel,
        ["群"] = ImportColumn.Group, ["group"] = ImportColumn.Group,
    };

    private static readonly HashSet<string> MemberNumber = new(StringComparer.Ordinal) { "学号", "memberno", "membernumber" };

    /// <summary>The column a header names, or null when it is not imported.</summary>
    public static ImportColumn? Find(string header) => Aliases.TryGetValue(Key(header), out var column) ? column : null;

    /// <summary>学号 / MemberNo: recognised so the page can say why it is not imported.</summary>
    public static bool IsMemberNumber(string header) => MemberNumber.Contains(Key(header));

    /// <summary>The headers of the template, in the page's language.</summary>
    public static string TemplateHeader(ImportColumn column, bool chinese) => column switch
    {
        ImportColumn.Nickname => chinese ? "昵称" : "nickname",
        ImportColumn.RemarkName => chinese ? "备注名" : "remark",
        ImportColumn.Phone => chinese ? "手机" : "phone",
        ImportColumn.UnionId => "UnionID",
        ImportColumn.Gender => chinese ? "性别" : "gender",
        ImportColumn.Region => chinese ? "地区" : "region",
        ImportColumn.GrowthLevel => chinese ? "成长等级" : "growth",
        ImportColumn.Tags => chinese ? "标签" : "tags",
        ImportColumn.Channel => chinese ? "渠道" : "channel",
        ImportColumn.Group => chinese ? "群" : "group",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static string Key(string header) =>
        string.Concat(header.Trim().Trim('\uFEFF').Where(c => !char.IsWhiteSpace(c) && c != '_')).ToLowerInvariant();
}
