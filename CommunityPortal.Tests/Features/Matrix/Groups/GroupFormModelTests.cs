using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;

namespace CommunityPortal.Tests.Features.Matrix.Groups;

public sealed class GroupFormModelTests
{
    [Fact]
    public void Labels_AreSplitOnChineseAndEnglishSeparators_AndTrimmed()
    {
        Assert.Equal(["华东", "新品", "宝妈", "VIP", "北京"], GroupFormModel.SplitLabels(" 华东, 新品，宝妈、VIP ;北京,, "));
    }

    [Fact]
    public void ToInput_TakesTheNonBlankRulesInOrder()
    {
        var model = new GroupFormModel { Name = "1群", Rule1 = " 不发广告 ", Rule2 = "  ", Rule3 = "友善交流" };

        Assert.Equal(["不发广告", "友善交流"], model.ToInput().Rules);
    }

    [Fact]
    public void ANewGroupOutsideAnyActivity_IsLongTermByDefault()
    {
        Assert.Equal(GroupLifetime.LongTerm, GroupFormModel.ForNew(null).Lifetime);
        Assert.Equal(GroupLifetime.Temporary, GroupFormModel.ForNew(3).Lifetime);
        Assert.Equal(Group.DefaultCapacity, GroupFormModel.ForNew(3).Capacity);
    }

    [Fact]
    public void From_AGroup_RoundTripsEveryField()
    {
        var dto = new GroupDto(7, "1群", 3, "第1期", GroupTier.Core, GroupLifetime.LongTerm, "a@example.com", "小A", 300, 120, GroupStatus.Open,
            ["r1", "r2"], "公告", "欢迎", ["华东", "新品"], 4, DateTime.UtcNow, DateTime.UtcNow);

        var input = GroupFormModel.From(dto).ToInput();

        Assert.Equivalent(dto.ToInput(), input, strict: true);
    }
}
